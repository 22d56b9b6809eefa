# Comparing int64 with float64 where the int is not exactly representable:
# CPython compares exactly; Numba converts the int to float64 first, so at
# 2**53 + 1 they disagree (marked numba-semantics).


def eq(a, b):
    return a == b


def lt(a, b):
    return a < b


# run: eq(3, 3.0) == True
# run: eq(9007199254740992, 9007199254740992.0) == True
# run: lt(9007199254740992, 9007199254740993.0) == False
# Numba converts 2**53 + 1 to float64 (rounds to 2**53) before comparing.
# run[numba-semantics]: eq(9007199254740993, 9007199254740992.0) == True
# run[numba-semantics]: lt(9007199254740992.0, 9007199254740993) == False
# INT64_MAX converts to 2.0**63 in float64, so Numba finds them equal.
# run[numba-semantics]: eq(9223372036854775807, 9.223372036854776e18) == True
