# infer: f(float64)
def square(v):
    return v * v

def apply(g, v):
    return g(v)

def f(x):
    a = apply(square, x)  # revealed: float64
    b = apply(square, 3)  # revealed: int64
    return a + b  # revealed: float64
