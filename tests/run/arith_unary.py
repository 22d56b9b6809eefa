# Unary minus, plus and invert on the scalar kinds (bool promotes to int).


def neg(x):
    return -x


def pos(x):
    return +x


def inv(x):
    return ~x


def neg_neg(x):
    return -(-x)


# run: neg(5) == -5
# run: neg(-5) == 5
# run: neg(0) == 0
# run: neg(2.5) == -2.5
# run: neg(0.0) == -0.0
# run: neg(-0.0) == 0.0
# run: neg(inf) == -inf
# run: neg(1-2j) == (-1+2j)
# run: neg(True) == -1
# run: pos(True) == 1
# run: pos(-3.5) == -3.5
# run: inv(5) == -6
# Numba treats ~ on a bool as logical not (NumPy semantics): ~True is False;
# CPython promotes to int: ~True == -2.
# run[numba-semantics]: inv(True) == False
# run: neg_neg(-7) == -7
# run[wrap]: neg(-9223372036854775808) == -9223372036854775808
