# math.exp2 (Python 3.11+).

import math


def e2(x):
    return math.exp2(x)


# run: e2(10.0) == 1024.0
# run: e2(-1.0) == 0.5
# run: e2(0.5) ~= 1.4142135623730951
# run: e2(3) == 8.0
