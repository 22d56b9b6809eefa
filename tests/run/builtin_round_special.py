# round() and math.floor/ceil of NaN and infinity: CPython raises
# ValueError / OverflowError; Numba converts with fptosi and returns
# INT64_MIN (undefined behaviour).  The issue says numjit doesn't lie here,
# so these lines are numjit-only.

import math


def rnd(x):
    return round(x)


def fl(x):
    return math.floor(x)


def ce(x):
    return math.ceil(x)


# run[numjit-only]: rnd(nan) raises ValueError: cannot convert float NaN to integer
# run[numjit-only]: rnd(inf) raises OverflowError: cannot convert float infinity to integer
# run[numjit-only]: fl(nan) raises ValueError: cannot convert float NaN to integer
# run[numjit-only]: ce(-inf) raises OverflowError: cannot convert float infinity to integer
# run: fl(-1e18) == -1000000000000000000
