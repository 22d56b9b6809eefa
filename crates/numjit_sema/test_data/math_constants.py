# infer: f(float64)
import math
def f(x):
    a = math.pi * x  # revealed: float64
    b = math.e + math.tau  # revealed: float64
    c = math.inf  # revealed: float64
    d = math.nan  # revealed: float64
    return a + b  # revealed: float64
