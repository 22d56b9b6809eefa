# Several returns of int and float unify to float64 in Numba; CPython returns
# each value with its own type.  Returns of the same type stay that type.


def int_or_float(x):
    if x > 0:
        return 1
    return 0.5


def ints_only(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0


def bool_or_int(x):
    if x > 0:
        return True
    return 2


# run: int_or_float(-1) == 0.5
# Numba unifies int64 and float64 returns to float64.
# run[numba-semantics]: int_or_float(1) == 1.0
# run: ints_only(5) == 1
# run: ints_only(-5) == -1
# run: ints_only(0) == 0
# run: bool_or_int(-1) == 2
# Numba unifies bool and int64 returns to int64.
# run[numba-semantics]: bool_or_int(1) == 1
