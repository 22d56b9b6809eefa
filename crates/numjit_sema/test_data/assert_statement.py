# infer: f(float64)
def f(x):
    assert x > 0.0, "x must be positive"
    assert x < 100.0
    return x  # revealed: float64
