# infer: f(int64, float64)
def f(a, x):
    p = abs(a)  # revealed: int64
    q = abs(x)  # revealed: float64
    m = min(a, x)  # revealed: float64
    n = max(a, 3, 7)  # revealed: int64
    t = max((a, x, 1))  # revealed: float64
    return p + q + m + n + t  # revealed: float64
