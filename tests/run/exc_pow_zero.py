# Zero to a negative integer power raises ZeroDivisionError (int and float
# base with an int exponent).


def p(a, b):
    return a ** b


# run: p(0.0, -2) raises ZeroDivisionError
# run: p(0, -1) raises ZeroDivisionError
# run: p(0, 0) == 1
# run: p(0.0, 2) == 0.0
