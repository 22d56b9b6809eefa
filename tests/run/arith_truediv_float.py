# `/` on floats and on int/float mixes.


def div(a, b):
    return a / b


# run: div(7.0, 2.0) == 3.5
# run: div(7, 2.0) == 3.5
# run: div(7.5, 2) == 3.75
# run: div(1.0, 3.0) == 0.3333333333333333
# run: div(-1.0, 1e308) == -1e-308
# run: div(1e308, 1e-308) == inf
# run: div(5e-324, 2.0) == 0.0
# run: div(inf, 2.0) == inf
# run: div(2.0, inf) == 0.0
# run: div(-2.0, inf) == -0.0
# run: div(inf, inf) == nan
# run: div(nan, 1.0) == nan
# run: div(1.0, 0.0) raises ZeroDivisionError: float division by zero
# run: div(1.0, -0.0) raises ZeroDivisionError: float division by zero
# run: div(0.0, 0.0) raises ZeroDivisionError: float division by zero
# run: div(1, 0.0) raises ZeroDivisionError: float division by zero
