# lower: f(int64, bool)
# boundscheck: true
# Creation, assignment (incref new, decref old), a view, a raise that releases every
# array local, and a return that increfs its value first.
import numpy as np
def f(n, flag):
    a = np.zeros((n, 2))
    b = np.full(n, 1.5)
    a = np.ones((n, 2)) if flag else a
    row = a[-1]
    row[0] = b[n - 1]
    if n > 10:
        raise ValueError("too big")
    return a
