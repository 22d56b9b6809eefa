# math.asinh, math.acosh, math.atanh.

import math


def asinh(x):
    return math.asinh(x)


def acosh(x):
    return math.acosh(x)


def atanh(x):
    return math.atanh(x)


# run: asinh(0.0) == 0.0
# run: asinh(1.0) ~= 0.881373587019543
# run: asinh(-10.0) ~= -2.99822295029797
# run: acosh(1.0) == 0.0
# run: acosh(10) ~= 2.993222846126381
# run: atanh(0.5) ~= 0.5493061443340548
# run: atanh(-0.25) ~= -0.25541281188299536
# run: asinh(inf) == inf
