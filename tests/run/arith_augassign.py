# Augmented assignment for every arithmetic and bitwise operator.


def all_ops(x):
    x += 5
    x -= 2
    x *= 3
    x //= 2
    x %= 100
    x **= 2
    x <<= 2
    x >>= 1
    x &= 1023
    x |= 1
    x ^= 6
    return x


def float_ops(x):
    x += 0.5
    x *= 2.0
    x /= 4.0
    x -= 1.0
    x //= 0.25
    x %= 3.0
    x **= 2.0
    return x


def int_to_float(x):
    x /= 2
    return x


def acc(n):
    s = 0
    p = 1
    for i in range(1, n + 1):
        s += i
        p *= i
    return s, p


# run: all_ops(7) == 453
# run: all_ops(-7) == 271
# run: float_ops(3.0) == 0.0
# run: float_ops(-1.25) == 0.0
# run: int_to_float(7) == 3.5
# run: acc(10) == (55, 3628800)
