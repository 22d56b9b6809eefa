# The seed's prange_test: a scalar sum reduction `s += A[i]` over a loop.
# Without parallel=True prange is range; the array is replaced by a
# deterministic integer sequence in [-100, 100).


def value(i):
    return (i * 7919) % 200 - 100


def prange_test(n):
    s = 0
    for i in range(n):
        s += value(i)
    return s


def python_sum(n):
    s = 0
    i = 0
    while i < n:
        s = s + value(i)
        i += 1
    return s


# run: prange_test(10) == -45
# run: prange_test(100000) == -50000
# run: python_sum(100000) == -50000
# run: prange_test(0) == 0
