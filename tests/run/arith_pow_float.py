# `**` with float operands, and int/float mixes (result float64).


def power(a, b):
    return a ** b


# run: power(2.0, 10) == 1024.0
# run: power(2, 0.5) ~= 1.4142135623730951
# run: power(2.0, 0.5) ~= 1.4142135623730951
# run: power(9.0, 0.5) == 3.0
# run: power(-8.0, 3.0) == -512.0
# run: power(-2.0, 2) == 4.0
# run: power(0.0, 0.0) == 1.0
# run: power(nan, 0.0) == 1.0
# run: power(1.0, nan) == 1.0
# run: power(inf, 2.0) == inf
# run: power(inf, -1.0) == 0.0
# run: power(2.0, -inf) == 0.0
# run: power(0.5, inf) == 0.0
# run: power(-inf, 3.0) == -inf
# float ** int: Numba multiplies by repeated squaring instead of calling
# pow(), so the last bits may differ: approximate.
# run: power(10.0, 308) ~= 1e+308
# run: power(1.5, 2.5) ~= 2.7556759606310752
