# math.fabs and math.copysign (float results, signed zeros).

import math


def fa(x):
    return math.fabs(x)


def cs(x, y):
    return math.copysign(x, y)


# run: fa(-3) == 3.0
# run: fa(-2.5) == 2.5
# run: fa(-0.0) == 0.0
# run: fa(-inf) == inf
# run: cs(3.5, -0.0) == -3.5
# run: cs(-2.0, inf) == 2.0
# run: cs(0.0, -1.0) == -0.0
# run: cs(1, -1) == -1.0
# run: cs(nan, 1.0) == nan
