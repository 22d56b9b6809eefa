# infer: f(int64, float64)
def f(a, b):
    c = a < b  # revealed: bool
    d = a == b  # revealed: bool
    e = a != 3  # revealed: bool
    return c  # revealed: bool
