# infer: f(float64)
def f(x):
    a = not x  # revealed: bool
    b = not (x > 1.0)  # revealed: bool
    return a or b  # revealed: bool
