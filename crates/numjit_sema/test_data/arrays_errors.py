# infer: f(readonly float64[:], complex128[:, :])
import numpy as np
def f(a, z):
    a[0] = 1.0  # error: [readonly-array]
    x = z[0, 0, 0]  # error: [invalid-index]
    y = np.zeros(2.5)  # error: [invalid-operand]
    w = np.ones(3, order="C")  # error: [wrong-arguments]
    v = np.full(3)  # error: [wrong-arguments]
    u = None if x else a  # error: [type-mismatch]
    a[1:] += 1.0  # error: [readonly-array]
    t = z[..., ...]  # error: [invalid-index]
    s = z[1.5:]  # error: [invalid-index]
    q = np.floor(z)  # error: [invalid-operand]
    p = a.tolist()  # error: [unsupported-construct]
    return 0
