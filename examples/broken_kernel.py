# A Numba kernel from the seed tutorial with a typo: the `for` header lacks its colon.
import numpy as np
from numjit import njit, prange


@njit(parallel=True, fastmath=True)
def numba_loop(arr):
    bias = 2
    total = 0.0
    for x in prange(len(arr))
        total += np.sqrt(x)
    return bias + total
