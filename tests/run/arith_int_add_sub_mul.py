# Integer +, -, * on int64 values that stay in range.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def poly(x):
    return 3 * x * x - 2 * x + 7


# run: add(3, 4) == 7
# run: add(-3, 4) == 1
# run: add(0, 0) == 0
# run: add(4611686018427387903, 4611686018427387904) == 9223372036854775807
# run: sub(3, 10) == -7
# run: sub(-9223372036854775807, 1) == -9223372036854775808
# run: mul(-6, 7) == -42
# run: mul(3037000499, 3037000499) == 9223372030926249001
# run: mul(0, -5) == 0
# run: poly(0) == 7
# run: poly(-5) == 92
# run: poly(1000000) == 2999998000007
