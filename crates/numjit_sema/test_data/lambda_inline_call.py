# infer: f(float64)
def apply_twice(g, v):
    return g(g(v))

def f(x):
    return apply_twice(lambda v: v + 1.0, x)  # revealed: float64
