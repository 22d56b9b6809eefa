# infer: f(int64, int64)
def f(a, b):
    q = a / b  # revealed: float64
    fq = a // b  # revealed: int64
    r = a % b  # revealed: int64
    return q  # revealed: float64
