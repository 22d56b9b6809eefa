# bool in arithmetic behaves as int64 (0/1); with floats as float64.


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def count_true(a, b, c):
    return a + b + c


def div(a, b):
    return a / b


# run: add(True, True) == 2
# run: add(True, 2) == 3
# run: add(True, 0.5) == 1.5
# run: mul(False, 7) == 0
# run: count_true(True, False, True) == 2
# run: div(True, 2) == 0.5
# run: add(True, 1j) == (1+1j)
