# Functions imported with `from math import ...` (also renamed).

from math import cos, sin, pi
from math import atan2 as angle


def unit(t):
    return cos(t) ** 2 + sin(t) ** 2


def half_turn():
    return angle(0.0, -1.0) == pi


# run: unit(0.3) ~= 1.0
# run: unit(2) ~= 1.0
# run: half_turn() == True
