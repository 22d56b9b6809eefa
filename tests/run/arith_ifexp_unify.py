# A conditional expression whose branches have different types: CPython
# returns the chosen operand unchanged, Numba unifies int64 and float64 to
# float64.


def pick(c, a, b):
    return a if c else b


# run: pick(False, 1, 2.5) == 2.5
# Numba unifies the branches: the int comes back as a float.
# run[numba-semantics]: pick(True, 1, 2.5) == 1.0
# run[numba-semantics]: pick(False, 2.5, 7) == 7.0
