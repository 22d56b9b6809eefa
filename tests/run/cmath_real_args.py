# cmath functions on float and int arguments return complex.

import cmath


def f(x):
    return cmath.sqrt(x), cmath.exp(x)


# run: f(4.0) == (2+0j, complex(54.598150033144236, 0.0))
# run: f(-1.0) ~= (1j, (0.36787944117144233+0j))
# run: f(0) == ((0+0j), (1+0j))
