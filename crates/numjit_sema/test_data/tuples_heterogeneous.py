# infer: f(int64)
def f(n):
    t = (n, 2.5)  # revealed: Tuple(int64, float64)
    a = t[0]  # revealed: int64
    b = t[1]  # revealed: float64
    return a + b  # revealed: float64
