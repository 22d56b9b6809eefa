# math.isfinite, math.isinf, math.isnan on floats and ints.

import math


def cls(x):
    return math.isfinite(x), math.isinf(x), math.isnan(x)


# run: cls(1.0) == (True, False, False)
# run: cls(inf) == (False, True, False)
# run: cls(-inf) == (False, True, False)
# run: cls(nan) == (False, False, True)
# run: cls(5e-324) == (True, False, False)
# run: cls(3) == (True, False, False)
