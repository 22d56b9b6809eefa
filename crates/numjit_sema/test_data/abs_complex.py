# infer: f(complex128)
def f(z):
    return abs(z)  # revealed: float64
