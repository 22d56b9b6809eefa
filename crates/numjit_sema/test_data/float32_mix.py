# infer: f(float32, int64, int16)
def f(x, n, s):
    a = x + n  # revealed: float64
    b = x + s  # revealed: float32
    c = x * x  # revealed: float32
    return a  # revealed: float64
