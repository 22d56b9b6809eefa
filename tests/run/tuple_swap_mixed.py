# Swapping values of different types: each variable changes type.  CPython
# keeps each value's type; Numba unifies each variable over its assignments
# (int64 and float64 to float64).


def swap(a, b):
    a, b = b, a
    return a, b


# run: swap(1.5, 2.5) == (2.5, 1.5)
# run: swap(1, 2.5) == (2.5, 1)
