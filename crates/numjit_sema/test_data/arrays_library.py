# infer: f(float64[:], int32[:, :], float32[::1], readonly float64[:], bool[:], complex128[:])
import numpy as np
def f(a, m, s, r, b, z):
    w1 = np.where(b, a, 0)  # revealed: array(float64, 1d, C)
    w2 = np.where(b, m, -1)  # revealed: array(int64, 2d, C)
    w3 = np.where(True, 1, 2.5)  # revealed: array(float64, 0d, C)
    c1 = np.clip(m, 0, 5)  # revealed: array(int32, 2d, C)
    c2 = np.clip(m, 0.5, 5)  # revealed: array(float64, 2d, C)
    c3 = s.clip(0.0, 1.0)  # revealed: array(float32, 1d, C)
    c4 = np.clip(a, None, m)  # revealed: array(float64, 2d, C)
    c5 = r.clip(max=2)  # revealed: array(float64, 1d, C)
    k1 = np.cumsum(m)  # revealed: array(int64, 1d, C)
    k2 = b.cumprod()  # revealed: array(int64, 1d, C)
    k3 = np.cumsum(s, 0)  # revealed: array(float32, 1d, C)
    k4 = m.cumsum(axis=1)  # revealed: array(int64, 2d, C)
    d1 = np.diff(m)  # revealed: array(int32, 2d, C)
    d2 = np.diff(b, 2)  # revealed: array(bool, 1d, C)
    n1 = np.nansum(m)  # revealed: int64
    n2 = np.nanmean(s)  # revealed: float32
    n3 = np.nanmax(m, 0)  # revealed: array(int32, 1d, C)
    n4 = np.nanprod(z)  # revealed: complex128
    n5 = np.nanmin(a, 0)  # revealed: float64
    n6 = np.nanmean(m)  # revealed: float64
    e1 = np.median(m)  # revealed: float64
    e2 = np.median(s)  # revealed: float32
    e3 = np.median(m, 1)  # revealed: array(float64, 1d, C)
    o1 = np.sort(m)  # revealed: array(int32, 2d, C)
    o2 = np.sort(m, None)  # revealed: array(int32, 1d, C)
    o3 = np.argsort(a)  # revealed: array(int64, 1d, C)
    o4 = m.argsort()  # revealed: array(int64, 2d, C)
    o5 = np.argsort(r, 0)  # revealed: array(int64, 1d, C)
    p1 = np.outer(a, m)  # revealed: array(float64, 2d, C)
    p2 = np.outer(b, b)  # revealed: array(bool, 2d, C)
    t1 = np.trace(m)  # revealed: int64
    t2 = m.trace(1)  # revealed: int64
    a.sort()
    m.sort(0)
    return 0
