# Comparing a tuple with a number.


def f(t, x):
    return t < x


# compile-error: [type-mismatch] f((1, 2), 3)
