# A variable assigned values of different types: int then float unify to
# float64; the final value is what CPython computes.


def grow(n):
    x = 0
    for i in range(n):
        x = x + 0.5
    return x


def halve_until(x):
    while x > 1:
        x = x / 2
    return x


def reuse_name(a):
    t = a * 2
    r = t + 1
    t = 1.5
    return r + t


# run: grow(4) == 2.0
# run: halve_until(10) == 0.625
# run: reuse_name(3) == 8.5
# Numba gives the loop-carried x a single float64 type, so grow(0) returns
# 0.0 where CPython returns the int 0.
# run[numba-semantics]: grow(0) == 0.0
# run[numba-semantics]: halve_until(1) == 1.0
