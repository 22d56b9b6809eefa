# min and max over a homogeneous tuple, and over a range.


def lo_hi(t):
    return min(t), max(t)


def range_min(a, b, c):
    return min(range(a, b, c))


def range_max(n):
    return max(range(n))


# run: lo_hi((3, 1, 2)) == (1, 3)
# run: lo_hi((2.5, -1.5, 0.0)) == (-1.5, 2.5)
# run: lo_hi((7,)) == (7, 7)
# run: range_min(-4, -15, -1) == -14
# run: range_max(10) == 9
# Numba raises StopIteration for an empty range; CPython (and numjit)
# raise ValueError.
# run[numjit-only]: range_max(0) raises ValueError: max() arg is an empty sequence
