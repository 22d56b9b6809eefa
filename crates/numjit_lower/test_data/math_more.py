# lower: f(float64, int64)
import math
def f(x, n):
    return math.atan2(x, 1.0), math.hypot(x, x), math.isnan(x), math.isinf(n), math.gcd(n, 6), math.frexp(x), math.ldexp(x, 3), math.modf(x), math.log(x, 2), math.pow(x, 2.0), math.fmod(x, 3.0), math.gamma(x), math.trunc(x), math.ceil(n)
