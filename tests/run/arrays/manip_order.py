# np.sort, np.argsort, np.cumsum, np.cumprod, np.diff, np.outer, np.trace,
# np.median.
import numpy as np


def sorted_of(a):
    return np.sort(a)


def argsorted_of(a):
    return np.argsort(a)


def cumsum_of(a):
    return np.cumsum(a)


def cumprod_of(a):
    return np.cumprod(a)


def diff_of(a):
    return np.diff(a)


def diff_n(a, n):
    return np.diff(a, n)


def outer_of(a, b):
    return np.outer(a, b)


def trace_of(a):
    return np.trace(a)


def top_k(a, k):
    # the k largest values, largest first
    s = np.sort(a)
    return s[::-1][:k].copy()


def rebuild_from_diff(a):
    d = np.diff(a)
    out = np.empty_like(a)
    out[0] = a[0]
    out[1:] = a[0] + np.cumsum(d)
    return out


def cumsum_axis(a, ax):
    return np.cumsum(a, axis=ax)


# run: sorted_of(np.array([3.0, nan, -1.0, 2.0])) == np.array([-1.0, 2.0, 3.0, nan], dtype=np.float64) ; not view of arg0
# run: sorted_of(np.array([[3, 1], [0, 2]], dtype=np.int32)) == np.array([[1, 3], [0, 2]], dtype=np.int32)
# run: sorted_of(np.arange(10)[::-3]) == np.array([0, 3, 6, 9], dtype=np.int64)
# run: sorted_of(np.array([True, False, True])) == np.array([False, True, True], dtype=np.bool_)
# run: argsorted_of(np.array([0.5, -1.0, 0.25])) == np.array([1, 2, 0], dtype=np.int64)
# run: argsorted_of(np.array([2, 7, 1, 5])) == np.array([2, 0, 3, 1], dtype=np.int64)
# run: cumsum_of(np.arange(12).reshape(3, 4)) == np.array([0, 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66], dtype=np.int64)
# run: cumsum_of(np.arange(6.0).reshape(2, 3).T) == np.array([0.0, 3.0, 4.0, 8.0, 10.0, 15.0], dtype=np.float64)
# run: cumsum_of(np.array([1, 2, 3], dtype=np.int32)) == np.array([1, 3, 6], dtype=np.int64)
# run: cumprod_of(np.array([1.0, 2.0, 0.5, 4.0])) == np.array([1.0, 2.0, 1.0, 4.0], dtype=np.float64)
# run: cumprod_of(np.array([True, True, False])) == np.array([1, 1, 0], dtype=np.int64)
# run: diff_of(np.array([1, 4, 9, 16])) == np.array([3, 5, 7], dtype=np.int64)
# run: diff_of(np.array([1.0, 0.5, 0.25])) == np.array([-0.5, -0.25], dtype=np.float64)
# run: diff_of(np.array([[1, 3, 6], [0, 0, 1]])) == np.array([[2, 3], [0, 1]], dtype=np.int64)
# run: diff_of(np.array([True, False, False, True])) == np.array([True, False, True], dtype=np.bool_)
# run: diff_n(np.array([1, 4, 9, 16, 25]), 2) == np.array([2, 2, 2], dtype=np.int64)
# run: diff_n(np.array([1.0, 2.0]), 0) == np.array([1.0, 2.0], dtype=np.float64)
# run: outer_of(np.array([1.0, 2.0]), np.array([3.0, 4.0, 5.0])) == np.array([[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]], dtype=np.float64)
# run: outer_of(np.arange(3, dtype=np.int32), np.arange(2, dtype=np.int32)) == np.array([[0, 0], [0, 1], [0, 2]], dtype=np.int32)
# run: outer_of(np.arange(4).reshape(2, 2), np.array([1, -1])) == np.array([[0, 0], [1, -1], [2, -2], [3, -3]], dtype=np.int64)
# Numba's np.trace takes only float and complex arrays
# run[numjit-only]: trace_of(np.arange(9).reshape(3, 3)) == 12
# run: trace_of(np.arange(6.0).reshape(2, 3)) == 4.0
# run: trace_of(np.arange(9.0).reshape(3, 3).T) == 12.0
# run: top_k(np.array([5.0, 1.0, 9.0, 3.0, 7.0]), 3) == np.array([9.0, 7.0, 5.0], dtype=np.float64)
# run: rebuild_from_diff(np.array([2.0, 3.5, 1.0, 1.0])) == np.array([2.0, 3.5, 1.0, 1.0], dtype=np.float64)
# run: cumsum_axis(np.arange(6).reshape(2, 3), 0) == np.array([[0, 1, 2], [3, 5, 7]], dtype=np.int64)
# run: cumsum_axis(np.arange(6.0).reshape(2, 3), 1) == np.array([[0.0, 1.0, 3.0], [3.0, 7.0, 12.0]], dtype=np.float64)
