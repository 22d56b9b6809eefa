# setitem through integer arrays and boolean masks, scalar and array values.
import numpy as np


def scatter(a, idx, v):
    a[idx] = v


def clamp_negative(a):
    a[a < 0] = 0
    return a


def replace_nan(a, v):
    a[np.isnan(a)] = v
    return a


def set_mask_values(a, m, vals):
    a[m] = vals


def zero_rows(a, rows):
    a[rows] = 0


def threshold_2d(a, t):
    a[a > t] = t
    return a


# run: scatter(np.zeros(5), np.array([0, 3]), 1.5) == None ; arg0 == np.array([1.5, 0.0, 0.0, 1.5, 0.0], dtype=np.float64)
# run: scatter(np.zeros(5, dtype=np.int32), np.array([4, -1, 0]), 7) == None ; arg0 == np.array([7, 0, 0, 0, 7], dtype=np.int32)
# run: scatter(np.zeros(4), np.array([1, 2]), np.array([10.0, 20.0])) == None ; arg0 == np.array([0.0, 10.0, 20.0, 0.0], dtype=np.float64)
# run: clamp_negative(np.array([-1.0, 2.0, -0.5, 3.0])) == np.array([0.0, 2.0, 0.0, 3.0], dtype=np.float64) ; arg0 == np.array([0.0, 2.0, 0.0, 3.0], dtype=np.float64)
# run: clamp_negative(np.array([-5, 5, -6], dtype=np.int32)) == np.array([0, 5, 0], dtype=np.int32)
# run: clamp_negative(np.arange(-5, 5)[::3]) == np.array([0, 0, 1, 4], dtype=np.int64)
# run: replace_nan(np.array([1.0, nan, 3.0, nan]), -1.0) == np.array([1.0, -1.0, 3.0, -1.0], dtype=np.float64)
# run: set_mask_values(np.zeros(4), np.array([True, False, True, False]), np.array([5.0, 6.0])) == None ; arg0 == np.array([5.0, 0.0, 6.0, 0.0], dtype=np.float64)
# run: set_mask_values(np.zeros(4), np.array([True, False, True, False]), np.array([5.0, 6.0, 7.0])) raises ValueError
# run: zero_rows(np.ones((3, 2)), np.array([0, 2])) == None ; arg0 == np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]], dtype=np.float64)
# Numba rejects masks of more than one dimension
# run[numjit-only]: threshold_2d(np.array([[1.0, 5.0], [7.0, 2.0]]), 4.0) == np.array([[1.0, 4.0], [4.0, 2.0]], dtype=np.float64)
# run[numjit-only]: threshold_2d(np.arange(12).reshape(3, 4).T, 6) == np.array([[0, 4, 6], [1, 5, 6], [2, 6, 6], [3, 6, 6]], dtype=np.int64)
