# len of tuples, negative constant indices, the index method.


def size(t):
    return len(t)


def ends(t):
    return t[0], t[-1]


def where(t, v):
    return t.index(v)


# run: size(()) == 0
# run: size((1,)) == 1
# run: size((1, 2.5, None)) == 3
# run: ends((1, 2, 3, 4)) == (1, 4)
# run: ends((1.5,)) == (1.5, 1.5)
# run: where((4, 5, 6), 6) == 2
# run: where((4, 5, 6), 7) raises ValueError
