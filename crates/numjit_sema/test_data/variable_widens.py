# infer: f(int64)
def f(n):
    x = 0  # revealed: int64
    for i in range(n):  # revealed: int64
        x = x + 0.5  # revealed: float64
    return x  # revealed: float64
