# complex() with one and two real arguments.


def c1(x):
    return complex(x)


def c2(a, b):
    return complex(a, b)


# run: c1(2) == (2+0j)
# run: c1(2.5) == (2.5+0j)
# run: c1(1-1j) == (1-1j)
# run: c2(1, 2) == (1+2j)
# run: c2(1.5, -0.5) == (1.5-0.5j)
# run: c2(0, 0) == 0j
