# The seed tutorial's one-minute example, in its scalar form: the loop the tutorial times
# ("Numba likes loops"). Arrays come with the next issue; `n` stands for len(arr).
import math

from numjit import njit, prange


@njit(fastmath=True, parallel=True, nogil=True)
def numba_loop(n):
    bias = 2
    total = 0.0
    for x in prange(n):
        total += math.sqrt(x)
    return bias + total


@njit
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

