# len(range(...)) for positive, negative and empty ranges, and
# for i in range(len(t)).


def n_items(a, b, c):
    return len(range(a, b, c))


def index_loop(t):
    s = 0
    for i in range(len(t)):
        s += t[i] * i
    return s


# run: n_items(0, 10, 3) == 4
# run: n_items(10, 0, -3) == 4
# run: n_items(0, 10, -1) == 0
# Numba computes this length with an overflowing subtraction and returns 0.
# run[numjit-only]: n_items(-9223372036854775808, 9223372036854775807, 9223372036854775807) == 3
# run: index_loop((5, 6, 7)) == 20
