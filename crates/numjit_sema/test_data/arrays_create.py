# infer: f(int64)
import numpy as np
def f(n):
    a = np.zeros(n)  # revealed: array(float64, 1d, C)
    b = np.ones((n, 3), dtype=np.int32)  # revealed: array(int32, 2d, C)
    c = np.empty((2, n, 4), np.complex128)  # revealed: array(complex128, 3d, C)
    d = np.full(n, 7)  # revealed: array(int64, 1d, C)
    e = np.full((n, n), 0.5, dtype=np.float32)  # revealed: array(float32, 2d, C)
    g = np.zeros((), dtype=bool)  # revealed: array(bool, 0d, C)
    h = np.empty(n, dtype=int)  # revealed: array(int64, 1d, C)
    t = 0.0
    for x in a:
        t += x  # revealed: float64
    return b  # revealed: array(int32, 2d, C)
