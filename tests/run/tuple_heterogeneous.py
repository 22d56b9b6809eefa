# Heterogeneous tuples: mixed element types, constant indexing only.


def describe(n):
    t = (n, n * 0.5, n > 2, 1j * n)
    return t[0], t[1], t[2], t[3]


def swap_kinds(t):
    return (t[1], t[0])


def sum_mixed(t):
    return t[0] + t[1] + t[2]


# run: describe(3) == (3, 1.5, True, 3j)
# run: swap_kinds((1, 2.5)) == (2.5, 1)
# run: swap_kinds((True, None)) == (None, True)
# run: sum_mixed((1, 2.5, True)) == 4.5
