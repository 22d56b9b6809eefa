# pow(a, b) with two arguments follows `**`.  (Three-argument pow is not
# supported by Numba; see README.)


def p(a, b):
    return pow(a, b)


# run: p(2, 10) == 1024
# run: p(2.0, 0.5) ~= 1.4142135623730951
# run: p(-2, 3) == -8
# run: p(4, 0.5) == 2.0
# run: p(1j, 2) == (-1+0j)
# run[wrap]: p(10, 19) == -8446744073709551616
