# q * b + r == a for Python's floor division and modulo, ints and floats.


def identity(a, b):
    q = a // b
    r = a % b
    return q, r, q * b + r == a


def same_sign_as_divisor(a, b):
    r = a % b
    return r == 0 or (r > 0) == (b > 0)


# run: identity(17, 5) == (3, 2, True)
# run: identity(-17, 5) == (-4, 3, True)
# run: identity(17, -5) == (-4, -3, True)
# run: identity(-17, -5) == (3, -2, True)
# run: identity(-9223372036854775807, 10) == (-922337203685477581, 3, True)
# run: identity(7.5, 2.0) == (3.0, 1.5, True)
# run: identity(-7.5, 2.0) == (-4.0, 0.5, True)
# run: same_sign_as_divisor(-13, 4) == True
# run: same_sign_as_divisor(13, -4) == True
# run: same_sign_as_divisor(-13.5, 4.0) == True
