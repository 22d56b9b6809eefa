# infer: f(float64, int64)
import math
def f(x, n):
    a = math.isnan(x)  # revealed: bool
    b = math.isinf(x)  # revealed: bool
    c = math.isfinite(n)  # revealed: bool
    g = math.gcd(n, 12)  # revealed: int64
    return a or b or c  # revealed: bool
