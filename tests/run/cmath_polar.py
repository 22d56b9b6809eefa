# cmath.phase, cmath.polar and cmath.rect.

import cmath


def ph(z):
    return cmath.phase(z)


def po(z):
    return cmath.polar(z)


def re(r, phi):
    return cmath.rect(r, phi)


def roundtrip(z):
    r, phi = cmath.polar(z)
    return cmath.rect(r, phi)


# run: ph(-1+0j) ~= 3.141592653589793
# run: ph(complex(-1.0, -0.0)) ~= -3.141592653589793
# run: ph(1j) ~= 1.5707963267948966
# run: ph(2+0j) == 0.0
# run: po(3+4j) ~= (5.0, 0.9272952180016122)
# run: po(-2+0j) ~= (2.0, 3.141592653589793)
# run: re(2.0, 0.0) == (2+0j)
# run: re(1.0, 1.5707963267948966) ~= (6.123233995736766e-17+1j)
# run: roundtrip(1+2j) ~= (1+2j)
