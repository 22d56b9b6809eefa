# math.gamma and math.lgamma.

import math


def ga(x):
    return math.gamma(x)


def lg(x):
    return math.lgamma(x)


# run: ga(5.0) ~= 24.0
# run: ga(0.5) ~= 1.772453850905516
# run: ga(-1.5) ~= 2.3632718012073544
# run: ga(10) ~= 362880.0
# run: lg(10.0) ~= 12.801827480081467
# run: lg(0.5) ~= 0.5723649429247004
# run: lg(100.0) ~= 359.1342053695754
# run: lg(1.0) == 0.0
