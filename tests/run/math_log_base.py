# math.log(x, base).  Numba only has the one-argument math.log (TypingError
# for two arguments); numjit accepts the base as CPython does: numjit-only.

import math


def logb(x, b):
    return math.log(x, b)


# run[numjit-only]: logb(8.0, 2.0) ~= 3.0
# run[numjit-only]: logb(100, 10) ~= 2.0
# run[numjit-only]: logb(2.0, 8.0) ~= 0.33333333333333337
# run[numjit-only]: logb(0.5, 2) ~= -1.0
