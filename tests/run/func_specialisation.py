# One callee specialised for several argument types inside one caller.


def half(x):
    return x / 2


def twice(x):
    return x + x


def mix(n):
    return twice(n), twice(n * 1.0), twice(n > 0), half(n), half(1j * n)


# run: mix(3) == (6, 6.0, 2, 1.5, 1.5j)
# run: mix(-1) == (-2, -2.0, 0, -0.5, -0.5j)
