# math.floor, math.ceil, math.trunc return int.

import math


def fct(x):
    return math.floor(x), math.ceil(x), math.trunc(x)


# run: fct(2.5) == (2, 3, 2)
# run: fct(-2.5) == (-3, -2, -2)
# run: fct(-1.9) == (-2, -1, -1)
# run: fct(0.1) == (0, 1, 0)
# run: fct(-0.0) == (0, 0, 0)
# run: fct(7) == (7, 7, 7)
# run: fct(1e18) == (1000000000000000000, 1000000000000000000, 1000000000000000000)
