# infer: f(int64, float64)
def add(a, b):
    return a + b

def f(n, x):
    i = add(n, n)  # revealed: int64
    y = add(n, x)  # revealed: float64
    return i + y  # revealed: float64
