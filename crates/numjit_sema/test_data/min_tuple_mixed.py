# infer: f(int32, float32)
def f(a, x):
    m = min(a, x)  # revealed: float64
    k = max(a, a)  # revealed: int32
    return m  # revealed: float64
