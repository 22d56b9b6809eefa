# infer: f(int64)
def f(n):
    s = 0  # revealed: int64
    s += n  # revealed: int64
    s /= 2  # revealed: float64
    k = n  # revealed: int64
    k //= 3  # revealed: int64
    return s  # revealed: float64
