# lower: f(complex128, float64)
import cmath
def f(z, x):
    return cmath.sqrt(z), cmath.exp(x), cmath.phase(z), cmath.polar(z), cmath.rect(x, x), cmath.log(z), cmath.isnan(z)
