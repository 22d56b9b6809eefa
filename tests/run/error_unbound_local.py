# A local used before any assignment on every path: a compile error.


def f(x):
    y = z + x
    z = 1
    return y


def g(x):
    if x > 0:
        return w
    w = 2
    return w


# compile-error: [unbound-local] f(1)
# compile-error: [unbound-local] g(1)
