# Bitwise &, |, ^, ~ on int64 (two's complement) and on bools.


def band(a, b):
    return a & b


def bor(a, b):
    return a | b


def bxor(a, b):
    return a ^ b


def binv(a):
    return ~a


def popcount(x):
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


# run: band(12, 10) == 8
# run: bor(12, 10) == 14
# run: bxor(12, 10) == 6
# run: band(-1, 255) == 255
# run: bor(-256, 255) == -1
# run: bxor(-1, 9223372036854775807) == -9223372036854775808
# run: binv(0) == -1
# run: binv(-1) == 0
# run: binv(9223372036854775807) == -9223372036854775808
# run: band(True, False) == False
# run: bor(True, False) == True
# run: bxor(True, True) == False
# run: band(True, 3) == 1
# run: popcount(255) == 8
# run: popcount(1099511627775) == 40
