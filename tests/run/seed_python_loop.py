# The seed tutorial's "one-minute example": python_loop / numba_loop summed
# sqrt over the indices of np.arange(n) and added a bias.  The scalar form
# iterates range(n) directly (prange and arrays come with later issues).

import math


def python_loop(n):
    bias = 2
    total = 0.0
    for x in range(n):
        total += math.sqrt(x)
    return bias + total


# run: python_loop(0) == 2.0
# run: python_loop(1) == 2.0
# run: python_loop(5) == 8.146264369941973
# run: python_loop(10000) ~= 666618.4591971082
# The tutorial's decorator options: fastmath lets the sum be reassociated.
# run[fastmath=True, nogil=True]: python_loop(10000) ~= 666618.4591971082
# run[fastmath=True, nogil=True]: python_loop(1000000) ~= 666666168.4588418
