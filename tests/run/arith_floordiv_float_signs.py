# `//` on floats: floor of the quotient, result float64.


def fdiv(a, b):
    return a // b


# run: fdiv(7.5, 2.0) == 3.0
# run: fdiv(-7.5, 2.0) == -4.0
# run: fdiv(7.5, -2.0) == -4.0
# run: fdiv(-7.5, -2.0) == 3.0
# run: fdiv(7, 2.0) == 3.0
# run: fdiv(-7.0, 2) == -4.0
# run: fdiv(0.0, -3.0) == -0.0
# run: fdiv(-0.0, 3.0) == -0.0
# run: fdiv(1.0, inf) == 0.0
# run: fdiv(-1.0, inf) == -1.0
# run: fdiv(inf, 2.0) == nan
# run: fdiv(nan, 2.0) == nan
# run: fdiv(0.7, 0.1) == 6.0
# run: fdiv(1.0, 0.0) raises ZeroDivisionError: float floor division by zero
# run: fdiv(-1, 0.0) raises ZeroDivisionError: float floor division by zero
