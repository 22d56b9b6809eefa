# Recursion with no path that returns without recursing: its return type
# cannot be inferred (Numba's rule).


def norec(n):
    return norec(n - 1)


def ping(n):
    return pong(n) + 1


def pong(n):
    return ping(n - 1)


# compile-error: [recursion-without-base-case] norec(3)
# compile-error: [recursion-without-base-case] ping(3)
