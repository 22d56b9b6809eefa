# Integer + and - wrap around at int64 like Numba (two's complement); CPython
# would grow the integer, so these lines are `wrap`: the checker reduces
# CPython's exact result modulo 2**64 and also compares with Numba.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def inc_twice(a):
    a += 1
    a += 1
    return a


def wrap_then_back(a):
    b = a + 10
    return b - 10


# run[wrap]: add(9223372036854775807, 1) == -9223372036854775808
# run[wrap]: add(9223372036854775807, 9223372036854775807) == -2
# run[wrap]: sub(-9223372036854775808, 1) == 9223372036854775807
# run[wrap]: sub(0, -9223372036854775808) == -9223372036854775808
# run[wrap]: inc_twice(9223372036854775806) == -9223372036854775808
# run: wrap_then_back(9223372036854775800) == 9223372036854775800
# run: add(-9223372036854775807, -1) == -9223372036854775808
