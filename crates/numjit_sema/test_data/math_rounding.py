# infer: f(float64, int64)
import math
def f(x, n):
    a = math.floor(x)  # revealed: int64
    b = math.ceil(x)  # revealed: int64
    c = math.trunc(x)  # revealed: int64
    d = math.floor(n)  # revealed: int64
    return a + b + c + d  # revealed: int64
