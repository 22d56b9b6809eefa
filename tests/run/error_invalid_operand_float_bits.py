# Bitwise operators and shifts are not defined on float64.


def inv(x):
    return ~x


def shl(x):
    return x << 2


def band(x, y):
    return x & y


# compile-error: [invalid-operand] inv(1.5)
# compile-error: [invalid-operand] shl(1.5)
# compile-error: [invalid-operand] band(1.5, 1)
