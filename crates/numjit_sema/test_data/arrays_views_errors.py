# infer: f(float64[::1, :], readonly complex128[:])
import numpy as np
def f(m, r):
    f = m.flat
    e = m.flags.owndata  # error: [unsupported-construct]
    g = f[1:]  # error: [invalid-operand]
    h = m.transpose(0)  # error: [wrong-arguments]
    k = m.transpose(0, 1.5)  # error: [invalid-operand]
    r.flat[0] = 1.0  # error: [readonly-array]
    m.flat[0] = 1j  # error: [invalid-operand]
    v = m.view(3)  # error: [unsupported-construct]
    return 0
