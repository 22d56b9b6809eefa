# lower: f(int64)
# An array assigned in a structured loop is carried, so each iteration releases the last.
import numpy as np
def f(n):
    t = 0
    for i in range(n):
        b = np.empty(i + 1, dtype=np.int64)
        b[i] = i
        t += len(b)
    return t
