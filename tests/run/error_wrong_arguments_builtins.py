# Builtins and math functions called with unsupported arities.

import math


def int2(x):
    return int(x, 10)


def min0():
    return min()


def sqrt2(x):
    return math.sqrt(x, x)


def pow3(a, b, c):
    return pow(a, b, c)


# compile-error: [wrong-arguments] int2(1)
# compile-error: [wrong-arguments] min0()
# compile-error: [wrong-arguments] sqrt2(4.0)
# compile-error: [wrong-arguments] pow3(2, 10, 7)
