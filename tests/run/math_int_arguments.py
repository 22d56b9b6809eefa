# math functions given int64 arguments convert them to float64 first.

import math


def mix(n):
    return math.sqrt(n), math.exp(n) > 1.0, math.floor(n), math.log10(n), math.fabs(-n)


# run: mix(100) == (10.0, True, 100, 2.0, 100.0)
# run: mix(1) == (1.0, True, 1, 0.0, 1.0)
