# math.hypot with two arguments avoids intermediate overflow.

import math


def hy(x, y):
    return math.hypot(x, y)


# run: hy(3.0, 4.0) == 5.0
# run: hy(3, 4) == 5.0
# run: hy(1e200, 1e200) ~= 1.4142135623730952e+200
# run: hy(-5.0, 12.0) == 13.0
# run: hy(inf, nan) == inf
# run: hy(0.0, 0.0) == 0.0
