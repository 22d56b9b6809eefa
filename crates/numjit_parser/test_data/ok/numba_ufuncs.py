# Typical Numba ufunc and stencil definitions: vectorize, guvectorize, stencil, jitclass.
import numpy as np
from numba import float32, float64, guvectorize, int64, stencil, vectorize
from numba.experimental import jitclass


@vectorize([float64(float64, float64), float32(float32, float32)], target="parallel")
def rel_diff(x, y):
    return 2 * (x - y) / (x + y)


@guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")
def arc_length(xs, ys, out):
    total = 0.0
    for i in range(1, xs.shape[0]):
        dx = xs[i] - xs[i - 1]
        dy = ys[i] - ys[i - 1]
        total += (dx * dx + dy * dy) ** 0.5
    out[0] = total


@stencil
def blur(a):
    return 0.25 * (a[0, 1] + a[1, 0] + a[0, -1] + a[-1, 0])


spec = [("value", int64), ("array", float64[:])]


@jitclass(spec)
class Bag:
    def __init__(self, value):
        self.value = value
        self.array = np.zeros(value, dtype=np.float64)

    @property
    def size(self):
        return self.array.size

    def increment(self, val):
        for i in range(self.size):
            self.array[i] += val
        return self.array
