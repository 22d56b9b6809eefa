# `%` on ints takes the sign of the divisor (Python), for all sign
# combinations.


def mod(a, b):
    return a % b


def divmod_parts(a, b):
    return a // b, a % b


# run: mod(7, 3) == 1
# run: mod(-7, 3) == 2
# run: mod(7, -3) == -2
# run: mod(-7, -3) == -1
# run: mod(6, 3) == 0
# run: mod(-6, 3) == 0
# run: mod(0, -3) == 0
# run: mod(-1, 9223372036854775807) == 9223372036854775806
# run: mod(-9223372036854775808, 3) == 1
# run: mod(9223372036854775807, -2) == -1
# run: divmod_parts(-17, 5) == (-4, 3)
# run: divmod_parts(17, -5) == (-4, -3)
# run: mod(5, 0) raises ZeroDivisionError: integer modulo by zero
# run: mod(-5, 0) raises ZeroDivisionError: integer modulo by zero
