# infer: f(float64)
def f(x):
    if x < 1.0:
        return x
    return f(x / 2.0) + 1.0  # revealed: float64
