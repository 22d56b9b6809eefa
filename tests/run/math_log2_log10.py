# math.log2 and math.log10 (exact on powers of their base).

import math


def l2(x):
    return math.log2(x)


def l10(x):
    return math.log10(x)


# run: l2(1024.0) == 10.0
# run: l2(1.1) ~= 0.13750352374993502
# run: l2(3) ~= 1.584962500721156
# run: l10(1000.0) == 3.0
# run: l10(2.0) ~= 0.3010299956639812
# run: l10(1e-10) == -10.0
