# math.gcd on int64 values (sign ignored).

import math


def g(a, b):
    return math.gcd(a, b)


# run: g(12, 18) == 6
# run: g(-12, 18) == 6
# run: g(0, 5) == 5
# run: g(0, 0) == 0
# run: g(17, 5) == 1
# run: g(9223372036854775807, 7) == 7
