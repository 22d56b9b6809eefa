# infer: f(float64, float64)
import math
def f(x, y):
    a = math.atan2(x, y)  # revealed: float64
    b = math.hypot(x, y)  # revealed: float64
    c = math.copysign(x, y)  # revealed: float64
    d = math.pow(x, y)  # revealed: float64
    e = math.nextafter(x, y)  # revealed: float64
    g = math.ldexp(x, 3)  # revealed: float64
    return a + b + c + d + e + g  # revealed: float64
