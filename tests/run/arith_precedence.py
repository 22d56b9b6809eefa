# Operator precedence and associativity.


def f1(a, b, c):
    return a + b * c


def f2(a, b, c):
    return (a + b) * c


def f3(a, b, c):
    return a - b - c


def f4(a, b, c):
    return a ** b ** c


def f5(a, b):
    return -a ** b


def f6(a, b, c):
    return a | b & c ^ a


def f7(a, b):
    return a << 1 + b


def f8(a, b, c):
    return a // b * c % 7


def f9(a, b):
    return not a == b


# run: f1(2, 3, 4) == 14
# run: f2(2, 3, 4) == 20
# run: f3(10, 3, 2) == 5
# run: f4(2, 3, 2) == 512
# run: f5(2, 2) == -4
# run: f5(2.0, 2) == -4.0
# run: f6(5, 6, 3) == 7
# run: f7(1, 2) == 8
# run: f8(100, 7, 3) == 0
# run: f9(1, 2) == True
