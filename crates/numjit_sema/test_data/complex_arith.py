# infer: f(complex128, float64)
def f(z, x):
    w = z * x  # revealed: complex128
    e = z == x  # revealed: bool
    r = z.real  # revealed: float64
    c = z.conjugate()  # revealed: complex128
    return w + c  # revealed: complex128
