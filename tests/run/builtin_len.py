# len of tuples and ranges.


def len_tuple(t):
    return len(t)


def len_range(a, b, c):
    return len(range(a, b, c))


def len_range1(n):
    return len(range(n))


# run: len_tuple((1, 2, 3)) == 3
# run: len_tuple(((1, 2), 3.5)) == 2
# run: len_range(0, 100, 7) == 15
# run: len_range(100, 0, -7) == 15
# run: len_range(0, 0, 1) == 0
# run: len_range1(-5) == 0
# run: len_range1(12) == 12
