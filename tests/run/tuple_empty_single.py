# The empty tuple and one-element tuples.


def empty():
    return ()


def single(x):
    return (x,)


def unwrap(t):
    (x,) = t
    return x


# run: empty() == ()
# run: single(3) == (3,)
# run: single(None) == (None,)
# run: unwrap((2.5,)) == 2.5
