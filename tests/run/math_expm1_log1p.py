# math.expm1 and math.log1p keep precision near zero.

import math


def em1(x):
    return math.expm1(x)


def l1p(x):
    return math.log1p(x)


# run: em1(1e-10) ~= 1.00000000005e-10
# run: em1(0.0) == 0.0
# run: em1(-0.0) == -0.0
# run: em1(1.0) ~= 1.718281828459045
# run: l1p(1e-12) ~= 9.999999999995e-13
# run: l1p(0.0) == 0.0
# run: l1p(1.0) ~= 0.6931471805599453
# run: l1p(-0.5) ~= -0.6931471805599453
