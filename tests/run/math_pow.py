# math.pow always works in float64.

import math


def mp(x, y):
    return math.pow(x, y)


# run: mp(2.0, 0.5) ~= 1.4142135623730951
# run: mp(-2.0, 3.0) == -8.0
# run: mp(2, 10) == 1024.0
# run: mp(0.0, 0.0) == 1.0
# run: mp(1.0, nan) == 1.0
# run: mp(nan, 0.0) == 1.0
# run: mp(-1.0, inf) == 1.0
# run: mp(2.0, -inf) == 0.0
