# infer: f(float64)
import math
def f(x):
    return math.log(x, 2.0)  # revealed: float64  # numba: rejects log with a base (numjit follows CPython)
