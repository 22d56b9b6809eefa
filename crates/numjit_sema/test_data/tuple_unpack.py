# infer: f(int64, float64)
def f(a, b):
    p, q = a, b  # revealed: int64, float64
    (r, (s, t)) = (1, (2.5, a))  # revealed: int64, float64, int64
    return p + q + r + s + t  # revealed: float64
