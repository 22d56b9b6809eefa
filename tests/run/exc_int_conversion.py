# int() of NaN / infinity raises as in CPython (Numba returns INT64_MIN;
# numjit-only).  Finite conversions work everywhere.


def conv(x):
    return int(x)


def conv_in_loop(a, b):
    s = 0
    x = a
    while x < b:
        s += int(x)
        x = x * 2.0
    return s


# run: conv(2.9) == 2
# run[numjit-only]: conv(nan) raises ValueError: cannot convert float NaN to integer
# run[numjit-only]: conv(-inf) raises OverflowError: cannot convert float infinity to integer
# run: conv_in_loop(1.5, 100.0) == 190
# run: conv_in_loop(nan, 1.0) == 0
