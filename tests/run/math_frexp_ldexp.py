# math.frexp (mantissa, exponent) and math.ldexp are exact.

import math


def fx(x):
    return math.frexp(x)


def lx(m, e):
    return math.ldexp(m, e)


def roundtrip(x):
    m, e = math.frexp(x)
    return math.ldexp(m, e) == x


# run: fx(8.0) == (0.5, 4)
# run: fx(-3.0) == (-0.75, 2)
# run: fx(0.0) == (0.0, 0)
# run: fx(5e-324) == (0.5, -1073)
# run: lx(0.5, 4) == 8.0
# run: lx(1.0, -1074) == 5e-324
# CPython raises OverflowError; Numba returns the C library's inf.
# run[numba-semantics]: lx(1.0, 1024) == inf
# run: roundtrip(123.456) == True
