# math.degrees and math.radians.

import math


def deg(x):
    return math.degrees(x)


def rad(x):
    return math.radians(x)


# run: deg(3.141592653589793) ~= 180.0
# run: deg(1.0) ~= 57.29577951308232
# run: rad(180.0) ~= 3.141592653589793
# run: rad(90) ~= 1.5707963267948966
# run: rad(-45.0) ~= -0.7853981633974483
# run: deg(0.0) == 0.0

