# Typical Numba parallel kernels: prange, reductions, array expressions, hoisting candidates.
import numpy as np
from numba import njit, prange, set_num_threads


@njit(parallel=True, fastmath=True)
def parallel_sum(arr):
    total = 0.0
    for i in prange(arr.shape[0]):
        total += arr[i]
    return total


@njit(parallel=True)
def row_norms(m):
    out = np.empty(m.shape[0])
    for i in prange(m.shape[0]):
        out[i] = np.sqrt(np.sum(m[i, :] ** 2))
    return out


@njit(parallel=True)
def nested(a):
    n, m = a.shape
    for i in prange(n):
        for j in prange(m):
            a[i, j] = i * m + j
    return a


@njit(parallel=True)
def array_expression(x, y):
    return np.exp(-x ** 2) * np.cos(y) + 2.0 * x - y / (1.0 + np.abs(x))


@njit(parallel=True)
def allocation_in_loop(n):
    acc = np.zeros(10)
    for i in prange(n):
        temp = np.zeros(10)
        temp[:] = i
        acc += temp
    return acc


@njit(nogil=True, parallel=False)
def histogram(data, n_bins, lo, hi):
    counts = np.zeros(n_bins, dtype=np.int64)
    scale = n_bins / (hi - lo)
    for x in data:
        if lo <= x < hi:
            counts[int((x - lo) * scale)] += 1
    return counts


if __name__ == "__main__":
    set_num_threads(2)
    data = np.random.rand(1_000_000)
    print(parallel_sum(data), histogram(data, 10, 0.0, 1.0))
