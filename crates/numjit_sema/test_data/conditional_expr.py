# infer: f(int64)
def f(x):
    y = x if x > 0 else 2.5  # revealed: float64
    z = 1 if x else 0  # revealed: int64
    return y  # revealed: float64
