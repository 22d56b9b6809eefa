# cmath.isnan, cmath.isinf, cmath.isfinite.

import cmath


def cls(z):
    return cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z)


# run: cls(1+1j) == (True, False, False)
# run: cls(complex(inf, 0.0)) == (False, True, False)
# run: cls(complex(0.0, -inf)) == (False, True, False)
# run: cls(complex(nan, 1.0)) == (False, False, True)
# run: cls(complex(inf, nan)) == (False, True, True)
