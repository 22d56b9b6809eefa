# cmath.exp, cmath.log (one and two arguments), cmath.log10.

import cmath


def cexp(z):
    return cmath.exp(z)


def clog(z):
    return cmath.log(z)


def clogb(z, b):
    return cmath.log(z, b)


def clog10(z):
    return cmath.log10(z)


# run: cexp(0j) == (1+0j)
# run: cexp(1j) ~= (0.5403023058681398+0.8414709848078965j)
# run: cexp(1+1j) ~= (1.4686939399158851+2.2873552871788423j)
# run: clog(-1+0j) ~= 3.141592653589793j
# run: clog(1j) ~= 1.5707963267948966j
# run: clog(2.0) ~= (0.6931471805599453+0j)
# run: clogb(complex(3.141592653589793, 1), complex(1, -1)) ~= (0.23260543929036104+1.4163137922146982j)
# run: clog10(100+0j) ~= (2+0j)
# run: clog10(-10+0j) ~= (1+1.3643763538418412j)
