# infer: f(float64)
def f(x):
    s = 0.0
    for v in (x, 1.0, 2.0):  # revealed: float64
        s += v
    return s  # revealed: float64
