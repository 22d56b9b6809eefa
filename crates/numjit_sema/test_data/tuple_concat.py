# infer: f(int64, float64)
def f(a, b):
    t = (a,) + (b, 1)  # revealed: Tuple(int64, float64, int64)
    return len(t)  # revealed: int64
