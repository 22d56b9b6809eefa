# infer: f(complex128, float64)
import cmath
def f(z, x):
    a = cmath.sqrt(z)  # revealed: complex128
    b = cmath.exp(z) + cmath.log(z) + cmath.sin(z) + cmath.cos(z)  # revealed: complex128
    c = cmath.phase(z)  # revealed: float64
    r, phi = cmath.polar(z)  # revealed: float64, float64
    d = cmath.rect(x, x)  # revealed: complex128
    e = cmath.isnan(z)  # revealed: bool
    g = cmath.sqrt(x)  # revealed: complex128
    return a + b + d  # revealed: complex128
