# infer: f(int64)
import numpy as np
def f(n):
    a = np.float32(n)  # revealed: float32
    b = np.pi * a  # revealed: float64
    c = np.int32(n)  # revealed: int32
    return a + c  # revealed: float64
