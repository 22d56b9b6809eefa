# An Optional passed to math functions and numeric builtins: the value when
# present, TypeError when it is None. CPython's messages depend on the
# function ("must be real number, not NoneType", "bad operand type for
# abs(): 'NoneType'"); numjit and Numba both say "expected float64, got
# None", so these lines check the class only.
import math


def root(c):
    x = None if c else 2.25
    return math.sqrt(x)


def absolute(c):
    x = None if c else -3
    return abs(x)


def rounded(c):
    x = None if c else 2.5
    return round(x)


def hypotenuse(c):
    x = None if c else 3.0
    return math.hypot(x, 4.0)


# run: root(False) == 1.5
# run: root(True) raises TypeError
# run: absolute(False) == 3
# run: absolute(True) raises TypeError
# run: rounded(False) == 2
# run: rounded(True) raises TypeError
# run: hypotenuse(False) == 5.0
# run: hypotenuse(True) raises TypeError
