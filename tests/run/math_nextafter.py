# math.nextafter steps to the adjacent float64.

import math


def na(x, y):
    return math.nextafter(x, y)


# run: na(1.0, 2.0) == 1.0000000000000002
# run: na(1.0, 0.0) == 0.9999999999999999
# run: na(0.0, 1.0) == 5e-324
# run: na(0.0, -1.0) == -5e-324
# run: na(1.0, 1.0) == 1.0
# run: na(1.7976931348623157e308, inf) == inf
