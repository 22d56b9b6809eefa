# infer: f(float64)
def f(x):
    import math
    from math import sqrt as root
    return math.floor(root(x))  # revealed: int64
