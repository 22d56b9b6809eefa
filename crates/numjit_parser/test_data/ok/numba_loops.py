# Typical Numba kernels: nested loops over arrays, early exits, scalar math.
import math

import numpy as np
from numba import njit


@njit(cache=True)
def matmul(a, b):
    n, k = a.shape
    k2, m = b.shape
    assert k == k2
    out = np.zeros((n, m), dtype=np.float64)
    for i in range(n):
        for j in range(m):
            acc = 0.0
            for p in range(k):
                acc += a[i, p] * b[p, j]
            out[i, j] = acc
    return out


@njit
def mandelbrot(width, height, max_iter=100):
    image = np.empty((height, width), dtype=np.uint8)
    for y in range(height):
        for x in range(width):
            c = complex(-2.0 + 3.0 * x / width, -1.5 + 3.0 * y / height)
            z = 0j
            n = 0
            while abs(z) <= 2.0 and n < max_iter:
                z = z * z + c
                n += 1
            image[y, x] = n
    return image


@njit(fastmath=True)
def pairwise_distance(points):
    n = points.shape[0]
    dist = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            d = 0.0
            for k in range(points.shape[1]):
                diff = points[i, k] - points[j, k]
                d += diff * diff
            dist[i, j] = dist[j, i] = math.sqrt(d)
    return dist


@njit
def find_first(arr, value):
    for i, x in enumerate(arr):
        if x == value:
            return i
    return -1


@njit("float64(float64[:], float64)")
def horner(coeffs, x):
    result = 0.0
    for c in coeffs[::-1]:
        result = result * x + c
    return result


@njit(inline="always")
def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x
