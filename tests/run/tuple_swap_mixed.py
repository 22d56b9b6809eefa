# Swapping values of different types: each variable changes type.  CPython
# keeps each value's type, and so does Numba 0.68.1, which gives each assignment
# of a variable its own version (checked: swap(1, 2.5) returns (2.5, 1)).


def swap(a, b):
    a, b = b, a
    return a, b


# run: swap(1.5, 2.5) == (2.5, 1.5)
# run: swap(1, 2.5) == (2.5, 1)
