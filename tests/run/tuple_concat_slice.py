# Tuple concatenation and slicing with constant bounds.


def concat(a, b):
    return a + b


def head_tail(t):
    return t[:2], t[2:]


def reverse(t):
    return t[::-1]


def every_other(t):
    return t[::2]


# run: concat((1, 2), (3,)) == (1, 2, 3)
# run: concat((1, 2), (3.5, True)) == (1, 2, 3.5, True)
# run: concat((), ()) == ()
# run: head_tail((1, 2, 3, 4)) == ((1, 2), (3, 4))
# run: reverse((1, 2, 3)) == (3, 2, 1)
# run: every_other((1, 2, 3, 4, 5)) == (1, 3, 5)
