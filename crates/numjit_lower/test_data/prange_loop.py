# lower: f(int64)
# grid: (4,)
# run: f(4) -> 6.0
from numba import prange
def f(n):
    s = 0.0
    for i in prange(n):
        s += i
    return s
