# infer: f(complex128[:, ::1], float64[::1, :], int32[:])
import numpy as np
def f(z, m, v):
    re = z.real  # revealed: array(float64, 2d, A)
    im = m.imag  # revealed: array(float64, 2d, C)
    same = v.real  # revealed: array(int32, 1d, A)
    bits = m.view(np.int64)  # revealed: array(int64, 2d, F)
    halves = m.view(np.int32)  # revealed: array(int32, 2d, A)
    words = v.view(np.uint8)  # revealed: array(uint8, 1d, A)
    p = z.transpose((1, 0))  # revealed: array(complex128, 2d, A)
    q = m.transpose()  # revealed: array(float64, 2d, C)
    c = m.flags.c_contiguous  # revealed: bool
    w = m.flags.writeable  # revealed: bool
    f = m.flat  # revealed: array.flat(array(float64, 2d, F))
    x = f[3]  # revealed: float64
    n = len(f)  # revealed: int64
    t = 0
    for y in v.flat:
        t += y  # revealed: int64
    f[0] = 2
    s = m + 1.0  # revealed: array(float64, 2d, F)
    u = m + z.real  # revealed: array(float64, 2d, F)
    return t
