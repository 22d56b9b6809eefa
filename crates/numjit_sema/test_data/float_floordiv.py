# infer: f(float64, int64)
def f(x, n):
    q = x // n  # revealed: float64
    r = x % n  # revealed: float64
    return q + r  # revealed: float64
