# infer: f(int64)
from numba import prange
def f(n):
    s = 0
    for i in prange(n):  # revealed: int64
        s += i
    return s  # revealed: int64
