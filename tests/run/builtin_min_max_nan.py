# min/max with NaN: CPython keeps the first argument unless a later one
# compares smaller/greater, so the position of the NaN matters.


def mn(a, b):
    return min(a, b)


def mx(a, b):
    return max(a, b)


# run: mn(nan, 1.0) == nan
# run: mn(1.0, nan) == 1.0
# run: mx(nan, 1.0) == nan
# run: mx(1.0, nan) == 1.0
# run: mn(-0.0, 0.0) == -0.0
# run: mx(-0.0, 0.0) == -0.0
