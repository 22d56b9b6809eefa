# `**` with int base and non-negative int exponent stays int64.


def power(a, b):
    return a ** b


def ipow(a, b):
    a **= b
    return a


# run: power(2, 10) == 1024
# run: power(-3, 3) == -27
# run: power(-3, 4) == 81
# run: power(0, 0) == 1
# run: power(5, 0) == 1
# run: power(0, 5) == 0
# run: power(1, 1000000) == 1
# run: power(-1, 999999) == -1
# run: power(2, 62) == 4611686018427387904
# run: power(3, 39) == 4052555153018976267
# run[wrap]: power(2, 63) == -9223372036854775808
# run[wrap]: power(2, 64) == 0
# run[wrap]: power(3, 41) == -420491770248316829
# run: ipow(7, 3) == 343
