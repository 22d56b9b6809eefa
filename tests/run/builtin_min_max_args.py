# min and max with two and more arguments of one type.


def mn(a, b):
    return min(a, b)


def mx(a, b):
    return max(a, b)


def mn4(a, b, c, d):
    return min(a, b, c, d)


def mx4(a, b, c, d):
    return max(a, b, c, d)


# run: mn(3, 7) == 3
# run: mx(3, 7) == 7
# run: mn(-1.5, -2.5) == -2.5
# run: mx(-1.5, -2.5) == -1.5
# run: mn4(4, 2, 8, 6) == 2
# run: mx4(4, 2, 8, 6) == 8
# run: mx4(0.1, 0.3, 0.2, -0.4) == 0.3
# run: mn(True, False) == False
# run: mx(-9223372036854775808, 9223372036854775807) == 9223372036854775807
