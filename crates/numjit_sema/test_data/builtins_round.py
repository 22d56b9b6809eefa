# infer: f(float64, int64)
def f(x, n):
    a = round(x)  # revealed: int64
    b = round(x, 2)  # revealed: float64
    c = round(n)  # revealed: int64
    d = round(n, 1)  # revealed: float64
    return a + b  # revealed: float64
