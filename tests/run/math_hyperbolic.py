# math.sinh, math.cosh, math.tanh.

import math


def hyp(x):
    return math.sinh(x), math.cosh(x), math.tanh(x)


# run: hyp(0.0) == (0.0, 1.0, 0.0)
# run: hyp(1.0) ~= (1.1752011936438014, 1.5430806348152437, 0.7615941559557649)
# run: hyp(-3.5) ~= (-16.542627287634996, 16.572824671057315, -0.9981778976111987)
# run: hyp(2) ~= (3.626860407847019, 3.7621956910836314, 0.9640275800758169)
# run: hyp(inf) == (inf, inf, 1.0)
# run: hyp(-inf) == (-inf, inf, -1.0)
