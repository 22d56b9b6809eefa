# int64 literals at the limits, in the source and as arguments.

BIG = 9223372036854775807
SMALL = -9223372036854775808


def limits():
    return BIG, SMALL


def literal_in_body():
    return 9223372036854775807 - 1, -9223372036854775807 - 1


def is_max(x):
    return x == 9223372036854775807


def half(x):
    return x // 2


# run: limits() == (9223372036854775807, -9223372036854775808)
# run: literal_in_body() == (9223372036854775806, -9223372036854775808)
# run: is_max(9223372036854775807) == True
# run: is_max(9223372036854775806) == False
# run: half(-9223372036854775808) == -4611686018427387904
# run: half(9223372036854775807) == 4611686018427387903
