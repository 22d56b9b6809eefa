# cmath.sqrt including branch cuts and signed zeros.

import cmath


def csqrt(z):
    return cmath.sqrt(z)


# run: csqrt(-4+0j) == 2j
# run: csqrt(complex(-4.0, -0.0)) == complex(0.0, -2.0)
# run: csqrt(3+4j) == (2+1j)
# run: csqrt(1j) ~= (0.7071067811865476+0.7071067811865475j)
# run: csqrt(0j) == 0j
# run: csqrt(-1) == 1j
