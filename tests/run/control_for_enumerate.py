# enumerate over ranges and tuples, with and without a start.


def weighted(t):
    s = 0
    for i, v in enumerate(t):
        s += i * v
    return s


def weighted_from(t, start):
    s = 0
    for i, v in enumerate(t, start):
        s += i * v
    return s


def over_range(n):
    s = 0
    for i, v in enumerate(range(10, 10 + n)):
        s += i * v
    return s


def first_negative(t):
    for i, v in enumerate(t):
        if v < 0:
            return i
    return -1


# run: weighted((5, 6, 7)) == 20
# run: weighted_from((5, 6, 7), 1) == 38
# run: weighted_from((1.0, 2.0), -1) == -1.0
# run: over_range(4) == 74
# run: first_negative((3, 1, -4, 1)) == 2
# run: first_negative((3.5, 1.5)) == -1
