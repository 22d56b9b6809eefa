# Module-level constants are frozen into the compiled code (Numba's rule).

import math

SCALE = 3
OFFSET = 0.5
LIMITS = (1, 10)
FLAG = True
NOTHING = None
TAU = 2 * math.pi


def scaled(x):
    return x * SCALE + OFFSET


def clip(x):
    lo, hi = LIMITS
    return min(max(x, lo), hi)


def flagged(x):
    if FLAG and NOTHING is None:
        return x
    return -x


def circumference(r):
    return TAU * r


# run: scaled(2) == 6.5
# run: clip(50) == 10
# run: clip(-5) == 1
# run: clip(5) == 5
# run: flagged(3) == 3
# run: circumference(1.0) == 6.283185307179586
