# Calls between functions of the same file, each specialised on its
# argument types.


def square(x):
    return x * x


def sum_squares(a, b):
    return square(a) + square(b)


def hyp2(a, b):
    return sum_squares(a, b) ** 0.5


def both_kinds(n):
    return square(n), square(n * 0.5), square(1j * n)


# run: sum_squares(3, 4) == 25
# run: hyp2(3, 4) == 5.0
# run: hyp2(1.5, 2.0) == 2.5
# run: both_kinds(2) == (4, 1.0, (-4+0j))
