# infer: f(float64[:], int32[:, :], float32[::1], readonly float64[:], bool[:], complex128[:])
import numpy as np
def f(a, m, s, r, b, z):
    x1 = np.where(True)  # error: [unsupported-construct]
    r.sort()  # error: [readonly-array]
    x3 = np.clip(a, None, None)  # error: [wrong-arguments]
    x4 = np.trace(a)  # error: [invalid-operand]
    x5 = np.cumsum(a, 1.5)  # error: [invalid-operand]
    x6 = np.where(b, a, None)  # error: [type-mismatch]
    x7 = a.cumsum(dtype=np.float32)  # error: [unsupported-construct]
    x8 = np.nanmax(z)  # error: [unsupported-construct]
    x9 = a.argsort(kind=2, bogus=1)  # error: [wrong-arguments]
    y1 = np.diff(a, 1, 0)  # error: [unsupported-construct]
    y2 = np.outer(a, 2.0)  # error: [unsupported-construct]
    y3 = np.median(a, 0, None, 1)  # error: [invalid-operand]
    y4 = np.sort(a, 0, None, None, None, 5)  # error: [wrong-arguments]
    y5 = np.clip(z, 0, 1)  # error: [unsupported-construct]
    y6 = np.where(b, a, (1, 2))  # error: [type-mismatch]
    return 0
