# Arithmetic on None.


def neg(x):
    return -x


# compile-error: [invalid-operand] neg(None)
