# math.erf and math.erfc.

import math


def erf(x):
    return math.erf(x)


def erfc(x):
    return math.erfc(x)


# run: erf(0.0) == 0.0
# run: erf(0.5) ~= 0.5204998778130465
# run: erf(-1.5) ~= -0.9661051464753108
# run: erf(inf) == 1.0
# run: erfc(0.0) == 1.0
# run: erfc(1.0) ~= 0.15729920705028513
# run: erfc(5.0) ~= 1.5374597944280351e-12
# run: erfc(-inf) == 2.0
