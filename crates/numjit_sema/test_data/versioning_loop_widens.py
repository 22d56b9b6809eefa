# infer: f(int64)
def f(n):
    x = 1  # revealed: int64
    z = x  # revealed: int64
    for i in range(n):  # revealed: int64
        x = x + 0.5  # revealed: float64
    return x, z  # revealed: Tuple(float64, int64)
