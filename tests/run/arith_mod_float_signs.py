# `%` on floats takes the sign of the divisor; a zero result keeps the
# divisor's sign.


def mod(a, b):
    return a % b


# run: mod(7.5, 2.0) == 1.5
# run: mod(-7.5, 2.0) == 0.5
# run: mod(7.5, -2.0) == -0.5
# run: mod(-7.5, -2.0) == -1.5
# run: mod(6.0, 3.0) == 0.0
# run: mod(-6.0, 3.0) == 0.0
# run: mod(6.0, -3.0) == -0.0
# run: mod(-1.0, inf) == inf
# run: mod(1.0, inf) == 1.0
# run: mod(1.0, -inf) == -inf
# run: mod(inf, 2.0) == nan
# run: mod(7, 2.5) == 2.0
# run: mod(-1e-300, 1.0) == 1.0
# run: mod(5.0, 0.0) raises ZeroDivisionError: float modulo
# run: mod(5, 0.0) raises ZeroDivisionError: float modulo
