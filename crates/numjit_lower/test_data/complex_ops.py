# lower: f(complex128, float64)
def f(z, x):
    w = z * x + 1j
    return w / z, w.real, w.imag, w.conjugate(), abs(w), z ** 2
