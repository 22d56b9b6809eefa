# Math domain and range errors: CPython raises ValueError ("math domain
# error") or OverflowError; Numba returns the C library's IEEE result (nan,
# -inf, inf) and sets no exception.  numjit follows Numba here (the issue
# names Numba's math functions, not CPython's checks), so these lines are
# numba-semantics.

import math


def sq(x):
    return math.sqrt(x)


def ln(x):
    return math.log(x)


def acos(x):
    return math.acos(x)


def ex(x):
    return math.exp(x)


def ga(x):
    return math.gamma(x)


# run[numba-semantics]: sq(-1.0) == nan
# run[numba-semantics]: ln(0.0) == -inf
# run[numba-semantics]: ln(-1.0) == nan
# run[numba-semantics]: acos(2.0) == nan
# run[numba-semantics]: ex(1000.0) == inf
# run[numba-semantics]: ga(-1.0) == nan
# run: sq(0.25) == 0.5
