# `/` on two ints is true division and returns float64.


def div(a, b):
    return a / b


def mean3(a, b, c):
    return (a + b + c) / 3


# run: div(7, 2) == 3.5
# run: div(-7, 2) == -3.5
# run: div(6, 3) == 2.0
# run: div(1, 3) == 0.3333333333333333
# run: div(0, -5) == -0.0
# run: div(9007199254740993, 1) == 9007199254740992.0
# run: div(-9223372036854775808, -1) == 9.223372036854776e+18
# run: div(1, 0) raises ZeroDivisionError: division by zero
# run: div(0, 0) raises ZeroDivisionError: division by zero
# run: mean3(1, 2, 4) == 2.3333333333333335
