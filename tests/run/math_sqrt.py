# math.sqrt is correctly rounded (exact comparisons), on ints and floats.

import math
from math import sqrt


def root(x):
    return math.sqrt(x)


def root_imported(x):
    return sqrt(x)


# run: root(4.0) == 2.0
# run: root(2.0) == 1.4142135623730951
# run: root(100) == 10.0
# run: root(0.0) == 0.0
# run: root(-0.0) == -0.0
# run: root(inf) == inf
# run: root(1e-300) == 1e-150
# run: root_imported(16) == 4.0
# run: root_imported(0.25) == 0.5
