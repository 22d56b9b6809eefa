# infer: f(int32, int64)
def f(a, b):
    c = a + b  # revealed: int64
    d = a + a  # revealed: int64
    e = a / a  # revealed: float64
    return c * d  # revealed: int64
