# The six comparison operators on int, float, mixed int/float, bool and NaN.


def cmp(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


# run: cmp(1, 2) == (True, True, False, True, False, False)
# run: cmp(2, 2) == (False, True, True, False, False, True)
# run: cmp(3, 2) == (False, False, False, True, True, True)
# run: cmp(2, 2.0) == (False, True, True, False, False, True)
# run: cmp(2.5, 2) == (False, False, False, True, True, True)
# run: cmp(-0.0, 0.0) == (False, True, True, False, False, True)
# run: cmp(nan, nan) == (False, False, False, True, False, False)
# run: cmp(nan, 1.0) == (False, False, False, True, False, False)
# run: cmp(-inf, inf) == (True, True, False, True, False, False)
# run: cmp(True, 1) == (False, True, True, False, False, True)
# run: cmp(False, 0.5) == (True, True, False, True, False, False)
# Numba converts the int64 to float64 before comparing (2**53 + 1 rounds
# to 2**53); CPython compares exactly.
# run[numba-semantics]: cmp(9007199254740993, 9007199254740992.0) == (False, True, True, False, False, True)
# run: cmp(-9223372036854775808, 9223372036854775807) == (True, True, False, True, False, False)
