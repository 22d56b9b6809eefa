# infer: f(float64)
def f(x):
    s = 0.0
    for i, v in enumerate((x, 2.0, 3.0)):  # revealed: int64, float64
        s += i * v
    for j, w in enumerate(range(3), 1):  # revealed: int64, int64
        s += j + w
    return s  # revealed: float64
