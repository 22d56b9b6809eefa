# for over range(start, stop, step) with positive and negative steps.


def walk(a, b, c):
    s = 0
    n = 0
    last = 0
    for i in range(a, b, c):
        s += i
        n += 1
        last = i
    return s, n, last


def countdown_product(n):
    p = 1
    for i in range(n, 0, -1):
        p *= i
    return p


# run: walk(0, 10, 3) == (18, 4, 9)
# run: walk(10, 0, -3) == (22, 4, 1)
# run: walk(10, 0, -1) == (55, 10, 1)
# run: walk(0, 10, -1) == (0, 0, 0)
# run: walk(-5, 5, 5) == (-5, 2, 0)
# run: walk(5, -5, -5) == (5, 2, 0)
# run: walk(0, 1, 100) == (0, 1, 0)
# The length of a range spanning nearly 2**64 overflows int64 in Numba's
# range iterator, which then runs 0 times; numjit computes the length
# without overflow as CPython does.
# run[numjit-only]: walk(-9223372036854775808, 9223372036854775807, 4611686018427387904) == (-9223372036854775808, 4, 4611686018427387904)
# run: countdown_product(10) == 3628800
# run: walk(0, 10, 0) raises ValueError: range() arg 3 must not be zero
