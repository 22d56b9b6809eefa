# Several return statements (same type), returns inside loops.


def sign_of_product(a, b):
    if a == 0 or b == 0:
        return 0
    if (a < 0) != (b < 0):
        return -1
    return 1


def first_square_above(x):
    i = 0
    while True:
        if i * i > x:
            return i
        i += 1


def early(n):
    for i in range(n):
        if i == 3:
            return i * 100
    return -n


# run: sign_of_product(3, -2) == -1
# run: sign_of_product(-3, -2) == 1
# run: sign_of_product(0, 5) == 0
# run: first_square_above(50) == 8
# run: first_square_above(-1) == 0
# run: early(10) == 300
# run: early(2) == -2
