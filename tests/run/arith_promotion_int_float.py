# int64 op float64 -> float64; int64 op int64 stays int64.


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def sub(a, b):
    return a - b


def mixed(i, x):
    return i * 2 + x / 4 - i // 3


# run: add(1, 2) == 3
# run: add(1, 2.0) == 3.0
# run: add(1.0, 2) == 3.0
# run: mul(3, 0.5) == 1.5
# run: sub(9007199254740993, 0.0) == 9007199254740992.0
# run: mul(-9223372036854775808, 1.0) == -9.223372036854776e+18
# run: mixed(7, 2.0) == 12.5
# run: mixed(-7, 0.5) == -10.875
