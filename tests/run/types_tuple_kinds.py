# Homogeneous (UniTuple) and heterogeneous tuples as arguments and results.


def make_uni(a):
    return (a, a + 1, a + 2)


def make_hetero(a):
    return (a, a * 0.5, a > 0, None)


def echo(t):
    return t


# run: make_uni(1) == (1, 2, 3)
# run: make_uni(1.5) == (1.5, 2.5, 3.5)
# run: make_hetero(3) == (3, 1.5, True, None)
# run: echo((1, 2.5, (True, 1j))) == (1, 2.5, (True, 1j))
# run: echo(()) == ()
