# infer: f(int64, int64)
def f(a, b):
    a, b = b, a  # revealed: int64, int64
    return a - b  # revealed: int64
