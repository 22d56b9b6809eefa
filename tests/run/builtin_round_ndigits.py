# round(x, ndigits) for floats returns a float rounded to ndigits decimals.


def rnd(x, n):
    return round(x, n)


# CPython rounds the exact decimal value of the double (2.67499999...);
# Numba scales by 10**ndigits and rounds the product (2.68).
# run[numba-semantics]: rnd(2.675, 2) == 2.68
# run: rnd(2.5, 0) == 2.0
# run: rnd(1234.5678, -2) == 1200.0
# run: rnd(-0.125, 2) == -0.12
# run: rnd(0.1, 20) == 0.1
# run: rnd(1.5, 0) == 2.0
# run: rnd(inf, 2) == inf
