# float(x) of int, bool and float.


def to_float(x):
    return float(x)


# run: to_float(3) == 3.0
# run: to_float(-0) == 0.0
# Numba has no float(bool) (TypingError); numjit converts as CPython does.
# run[numjit-only]: to_float(True) == 1.0
# run: to_float(2.5) == 2.5
# run: to_float(9007199254740993) == 9007199254740992.0
# run: to_float(-9223372036854775808) == -9.223372036854776e+18
