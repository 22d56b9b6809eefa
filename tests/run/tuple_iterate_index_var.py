# Indexing a homogeneous tuple with a run-time index in a loop.


def rev_sum(t):
    s = 0
    n = len(t)
    for i in range(n):
        s += t[n - 1 - i] * (i + 1)
    return s


def get(t, i):
    return t[i]


# run: rev_sum((1, 2, 3)) == 10
# run: get((1.5, 2.5), 0) == 1.5
# run: get((1.5, 2.5), -2) == 1.5
# run: get((1.5, 2.5), 2) raises IndexError
# run: get((1.5, 2.5), -3) raises IndexError
