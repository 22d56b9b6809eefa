# round(int, ndigits): CPython returns an int; Numba returns a float64.


def rnd(x, n):
    return round(x, n)


# run[numba-semantics]: rnd(25, -1) == 20.0
# run[numba-semantics]: rnd(1234, 2) == 1234.0
