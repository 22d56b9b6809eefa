# infer: f(float32, int64)
def f(x, n):
    y = x ** n  # revealed: float32
    z = x ** 2.0  # revealed: float64
    return y  # revealed: float32
