# infer: f(float64)
def f(x):
    if x > 0.0:
        return x  # revealed: float64
