# infer: f(float64[:], int32[:, :], float32[::1], readonly int64[:, :], bool[:])
import numpy as np
def f(a, m, s, r, b):
    x1 = a + a  # revealed: array(float64, 1d, C)
    x2 = m * 2  # revealed: array(int64, 2d, C)
    x3 = m + a  # revealed: array(float64, 2d, C)
    x4 = s * s  # revealed: array(float32, 1d, C)
    x5 = s * 0.5  # revealed: array(float64, 1d, C)
    x6 = m / m  # revealed: array(float64, 2d, C)
    x7 = a < 1.0  # revealed: array(bool, 1d, C)
    x8 = np.sqrt(m)  # revealed: array(float64, 2d, C)
    x9 = np.sqrt(s)  # revealed: array(float32, 1d, C)
    y1 = -m  # revealed: array(int32, 2d, C)
    y2 = ~b  # revealed: array(bool, 1d, C)
    y3 = b + b  # revealed: array(bool, 1d, C)
    y4 = np.sin(2.0)  # revealed: float64
    y5 = np.abs(-3)  # revealed: int64
    z1 = a[1:3]  # revealed: array(float64, 1d, A)
    z2 = s[1:3]  # revealed: array(float32, 1d, C)
    z3 = s[::2]  # revealed: array(float32, 1d, A)
    z4 = m[0, :]  # revealed: array(int32, 1d, A)
    z5 = r[None, :, 0]  # revealed: readonly array(int64, 2d, A)
    z6 = m[...]  # revealed: array(int32, 2d, A)
    z7 = m.T  # revealed: array(int32, 2d, A)
    w1 = a.sum()  # revealed: float64
    w2 = m.sum()  # revealed: int64
    w3 = np.mean(m)  # revealed: float64
    w4 = m.max(axis=0)  # revealed: array(int32, 1d, C)
    w5 = np.argmin(a)  # revealed: int64
    w6 = b.any()  # revealed: bool
    w7 = np.std(s)  # revealed: float32
    v1 = np.zeros_like(m)  # revealed: array(int32, 2d, C)
    v2 = np.arange(5)  # revealed: array(int64, 1d, C)
    v3 = np.arange(0.5, 3)  # revealed: array(float64, 1d, C)
    v4 = np.linspace(0, 1, 5)  # revealed: array(float64, 1d, C)
    v5 = a.copy()  # revealed: array(float64, 1d, C)
    m[0] = 1
    m[1:, ::2] = a[:2]
    a += 1
    m -= 2
    return 0
