# infer: f(float64)
import math
def f(x):
    m, e = math.frexp(x)  # revealed: float64, int32
    return math.ldexp(m, e)  # revealed: float64
