# << and >> with in-range shift counts (arithmetic right shift).


def shl(a, b):
    return a << b


def shr(a, b):
    return a >> b


def ishift(a):
    a <<= 3
    a >>= 1
    return a


# run: shl(1, 10) == 1024
# run: shl(-1, 4) == -16
# run: shl(3, 0) == 3
# run: shl(1, 62) == 4611686018427387904
# run: shr(1024, 3) == 128
# run: shr(-16, 2) == -4
# run: shr(-1, 1) == -1
# run: shr(-7, 1) == -4
# run: shr(7, 1) == 3
# run: shr(9223372036854775807, 62) == 1
# run: shr(-9223372036854775808, 63) == -1
# run: ishift(5) == 20
# run[wrap]: shl(1, 63) == -9223372036854775808
# run[wrap]: shl(3, 62) == -4611686018427387904
