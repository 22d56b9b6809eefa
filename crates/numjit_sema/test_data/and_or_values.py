# infer: f(int64, float64)
def f(x, z):
    a = x or z  # revealed: float64
    b = x and 2.5  # revealed: float64
    c = x or x  # revealed: int64
    return a + b  # revealed: float64
