# complex128 values: construction from parts, .real/.imag, conjugate,
# complex special values.


def parts(z):
    return z.real, z.imag


def build(a, b):
    return complex(a, b)


def conj(z):
    return z.conjugate()


def rotate(z):
    return z * 1j


# run: parts(3+4j) == (3.0, 4.0)
# run: parts(-1.5j) == (-0.0, -1.5)
# run: build(1.0, 2.0) == (1+2j)
# run: build(1, 2) == (1+2j)
# run: conj(3+4j) == (3-4j)
# run: rotate(1+0j) == 1j
# run: parts(complex(inf, nan)) == (inf, nan)
