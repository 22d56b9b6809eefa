# infer: f(float32, int32)
import math
def f(x, n):
    a = math.sqrt(x)  # revealed: float32
    b = math.sqrt(n)  # revealed: float64
    c = math.copysign(x, x)  # revealed: float32
    return a  # revealed: float32
