# infer: f(int64, float64)
def f(a, b):
    x = a + 1.5  # revealed: float64
    y = a + 1  # revealed: int64
    z = a * b  # revealed: float64
    w = a - b  # revealed: float64
    return x + y + z + w  # revealed: float64
