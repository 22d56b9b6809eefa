# infer: f(float64)
def scale(x, factor=2, offset=0.5, *, clip=False):
    y = x * factor + offset
    return y

def f(x):
    a = scale(x)  # revealed: float64
    b = scale(x, offset=1)  # revealed: float64
    c = scale(factor=3, x=x, clip=True)  # revealed: float64
    return a + b + c  # revealed: float64
