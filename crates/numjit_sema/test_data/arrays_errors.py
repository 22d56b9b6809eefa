# infer: f(readonly float64[:], complex128[:, :])
import numpy as np
def f(a, z):
    a[0] = 1.0  # error: [invalid-operand]
    x = z[0, 0, 0]  # error: [invalid-operand]
    y = np.zeros(2.5)  # error: [invalid-operand]
    w = np.ones(3, order="C")  # error: [wrong-arguments]
    v = np.full(3)  # error: [wrong-arguments]
    u = None if x else a  # error: [type-mismatch]
    return 0
