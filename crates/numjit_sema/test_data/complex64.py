# infer: f(complex64, float32)
def f(z, x):
    w = z + x  # revealed: complex64
    i = z.imag  # revealed: float32
    return w  # revealed: complex64
