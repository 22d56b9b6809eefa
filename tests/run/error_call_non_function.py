# Calling a value that is not a function.


def f(x):
    return x(1)


def g(x):
    y = 3
    return y(x)


# compile-error: [type-mismatch] f(1)
# compile-error: [type-mismatch] g(1)
