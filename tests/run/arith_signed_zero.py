# Signed zeros: `==` in this corpus compares the sign of a zero result, so
# these lines check that -0.0 is produced (and kept) where IEEE says so.


def neg(x):
    return -x


def mul(a, b):
    return a * b


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def scale(x):
    return x * 0.0


# run: neg(0.0) == -0.0
# run: mul(-1.0, 0.0) == -0.0
# run: mul(-1.0, -0.0) == 0.0
# run: add(-0.0, -0.0) == -0.0
# run: add(-0.0, 0.0) == 0.0
# run: sub(0.0, 0.0) == 0.0
# run: sub(-0.0, 0.0) == -0.0
# run: scale(-5.0) == -0.0
# run: mul(-3, 0.0) == -0.0
# run: mul(0, -1.5) == -0.0
