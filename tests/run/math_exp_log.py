# math.exp and math.log (one argument).

import math


def ex(x):
    return math.exp(x)


def ln(x):
    return math.log(x)


# run: ex(0.0) == 1.0
# run: ex(1.0) ~= 2.718281828459045
# run: ex(-1) ~= 0.36787944117144233
# run: ex(709.0) ~= 8.218407461554972e+307
# CPython raises OverflowError; Numba returns the C library's inf.
# run[numba-semantics]: ex(710.0) == inf
# run: ex(-inf) == 0.0
# run: ln(1.0) == 0.0
# run: ln(2.718281828459045) ~= 1.0
# run: ln(10) ~= 2.302585092994046
# run: ln(1e-300) ~= -690.7755278982137
# run: ln(inf) == inf
