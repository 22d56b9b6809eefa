# An exception raised deep in mutual recursion reaches the caller.


def outer(x):
    if x > 0:
        return inner(x)
    return 1


def inner(x):
    if x == 1:
        raise ValueError("raise_mutual")
    elif x > 0:
        return outer(x - 1)
    return 1


# run: outer(2) raises ValueError: raise_mutual
# run: outer(0) == 1
# run: inner(-1) == 1
