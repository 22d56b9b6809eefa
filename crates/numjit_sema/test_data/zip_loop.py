# infer: f(int64)
def f(n):
    s = 0.0
    for a, b in zip(range(n), (1.5, 2.5)):  # revealed: int64, float64
        s += a * b
    return s  # revealed: float64
