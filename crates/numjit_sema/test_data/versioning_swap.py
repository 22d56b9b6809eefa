# infer: f(int64, float64)
def f(a, b):
    a, b = b, a  # revealed: float64, int64
    x = a  # revealed: float64
    x = (x, b)  # revealed: Tuple(float64, int64)
    return x  # revealed: Tuple(float64, int64)
