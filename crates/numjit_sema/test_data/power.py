# infer: f(int64, float64)
def f(n, x):
    a = n ** 2  # revealed: int64
    b = n ** -1  # revealed: int64
    c = x ** n  # revealed: float64
    d = n ** x  # revealed: float64
    return a + b  # revealed: int64
