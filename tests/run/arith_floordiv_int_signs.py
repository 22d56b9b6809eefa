# `//` on ints rounds towards negative infinity (Python), for all sign
# combinations.


def fdiv(a, b):
    return a // b


# run: fdiv(7, 2) == 3
# run: fdiv(-7, 2) == -4
# run: fdiv(7, -2) == -4
# run: fdiv(-7, -2) == 3
# run: fdiv(6, 3) == 2
# run: fdiv(-6, 3) == -2
# run: fdiv(0, 5) == 0
# run: fdiv(0, -5) == 0
# run: fdiv(1, 9223372036854775807) == 0
# run: fdiv(-1, 9223372036854775807) == -1
# run: fdiv(9223372036854775807, -1) == -9223372036854775807
# run: fdiv(-9223372036854775808, 2) == -4611686018427387904
# run: fdiv(5, 0) raises ZeroDivisionError: integer division or modulo by zero
# run: fdiv(0, 0) raises ZeroDivisionError: integer division or modulo by zero
