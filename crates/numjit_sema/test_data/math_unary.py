# infer: f(float64, int64)
import math
def f(x, n):
    a = math.sqrt(x)  # revealed: float64
    b = math.sqrt(n)  # revealed: float64
    c = math.exp(x) + math.log(x) + math.log10(x) + math.log1p(x) + math.log2(x)  # revealed: float64
    d = math.sin(x) + math.cos(x) + math.tan(x) + math.asin(x) + math.acos(x) + math.atan(x)  # revealed: float64
    e = math.sinh(x) + math.cosh(x) + math.tanh(x) + math.asinh(x) + math.acosh(x) + math.atanh(x)  # revealed: float64
    g = math.erf(x) + math.erfc(x) + math.gamma(x) + math.lgamma(x) + math.expm1(x) + math.fabs(x)  # revealed: float64
    h = math.degrees(x) + math.radians(x) + math.exp2(x)  # revealed: float64
    return a + b + c + d + e + g + h  # revealed: float64
