# .real, .imag and .conjugate() on int and float (Numba supports them on all
# number types).


def int_parts(x):
    return x.real, x.imag, x.conjugate()


def float_parts(x):
    return x.real, x.imag, x.conjugate()


# run: int_parts(7) == (7, 0, 7)
# run: int_parts(-3) == (-3, 0, -3)
# run: float_parts(2.5) == (2.5, 0.0, 2.5)
# run: float_parts(-0.0) == (-0.0, 0.0, -0.0)
