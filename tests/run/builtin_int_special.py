# int() of NaN and infinity raises like CPython.  Numba returns INT64_MIN
# (fptosi of an unrepresentable value) and int(1e30) is also wrong there, so
# these lines are numjit-only.


def to_int(x):
    return int(x)


# run[numjit-only]: to_int(nan) raises ValueError: cannot convert float NaN to integer
# run[numjit-only]: to_int(inf) raises OverflowError: cannot convert float infinity to integer
# run[numjit-only]: to_int(-inf) raises OverflowError: cannot convert float infinity to integer
