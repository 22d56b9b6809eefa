# Binary operators on operand types that don't combine: a number and a
# tuple, a number and None.


def g(a, b):
    return a + b


def h(a):
    return a * None


# compile-error: [type-mismatch] g(1, (2, 3))
# compile-error: [type-mismatch] g(1.5, None)
# compile-error: [type-mismatch] h(2)
