# math.pi, math.e, math.tau, math.inf, math.nan as frozen constants.

import math


def consts():
    return math.pi, math.e, math.tau, math.inf, math.nan


def circle_area(r):
    return math.pi * r * r


# run: consts() == (3.141592653589793, 2.718281828459045, 6.283185307179586, inf, nan)
# run: circle_area(2.0) == 12.566370614359172
# run: circle_area(1) == 3.141592653589793
