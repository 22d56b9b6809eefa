# Euler's identity and friends computed in complex128.

import cmath
import math


def euler():
    return cmath.exp(1j * math.pi) + 1


def unit_circle(t):
    z = cmath.exp(1j * t)
    return abs(z)


# run: euler() ~= complex(0.0, 1.2246467991473532e-16)
# run: unit_circle(0.7) ~= 1.0
# run: unit_circle(3) ~= 1.0
