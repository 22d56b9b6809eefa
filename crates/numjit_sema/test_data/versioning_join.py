# infer: f(int64)
def f(n):
    x = 1  # revealed: int64
    y = x // 2  # revealed: int64
    if n > 0:
        x = 2.5  # revealed: float64
    return x, y  # revealed: Tuple(float64, int64)
