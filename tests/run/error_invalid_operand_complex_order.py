# complex numbers have no ordering; complex has no // or %.


def lt(a, b):
    return a < b


def fdiv(a, b):
    return a // b


# compile-error: [invalid-operand] lt(1+2j, 1+2j)
# compile-error: [invalid-operand] fdiv(1+2j, 1j)
