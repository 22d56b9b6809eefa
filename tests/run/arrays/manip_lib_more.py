# np.isin (invert=), np.logspace (base=), np.delete (flattened; an index or an array of
# indices), np.cross of two 3-vectors, np.resize, np.asarray_chkfinite.
import numpy as np


def isin(a, b):
    return np.isin(a, b)


def isin_invert(a, b):
    return np.isin(a, b, invert=True)


def logspace(a, b, n):
    return np.logspace(a, b, n)


def logspace_base(a, b, n):
    return np.logspace(a, b, n, base=2.0)


def delete(a, obj):
    return np.delete(a, obj)


def cross(a, b):
    return np.cross(a, b)


# run: isin(np.array([1, 5, 3, 7]), np.array([3, 1, 9])) == np.array([True, False, True, False], dtype=np.bool_)
# run: isin(np.array([[1.0, 2.5], [nan, 3.0]]), np.array([3, 1])) == np.array([[True, False], [False, True]], dtype=np.bool_)
# run: isin(np.array([1.0, nan]), np.array([nan, 1.0])) == np.array([True, False], dtype=np.bool_)
# run: isin(np.array([1, 2]), np.array([], dtype=np.int64)) == np.array([False, False], dtype=np.bool_)
# run: isin(2, np.array([1, 2])) == np.array(True, dtype=np.bool_)
# run: isin(np.array([1, 2, 3]), 2) == np.array([False, True, False], dtype=np.bool_)
# run: isin_invert(np.array([1, 5, 3, 7]), np.array([3, 1, 9])) == np.array([False, True, False, True], dtype=np.bool_)
# run: logspace(0.0, 2.0, 3) ~= np.array([1.0, 10.0, 100.0], dtype=np.float64)
# run: logspace(1, 0, 4) ~= np.array([10.0, 4.641588833612779, 2.154434690031884, 1.0], dtype=np.float64)
# run: logspace(0.0, 1.0, 1) ~= np.array([1.0], dtype=np.float64)
# run: logspace(0.0, 1.0, 0) == np.array([], dtype=np.float64)
# run[numjit-only]: logspace_base(0.0, 3.0, 4) == np.array([1.0, 2.0, 4.0, 8.0], dtype=np.float64)
# run: logspace(0.0, 1.0, -1) raises ValueError
# run: delete(np.arange(6).reshape(2, 3), 1) == np.array([0, 2, 3, 4, 5], dtype=np.int64)
# run: delete(np.arange(5), np.array([0, -1])) == np.array([1, 2, 3], dtype=np.int64)
# run: delete(np.arange(5.0), np.array([1, 1, 3])) == np.array([0.0, 2.0, 4.0], dtype=np.float64)
# run: delete(np.arange(6).reshape(2, 3).T, -2) == np.array([0, 3, 1, 4, 5], dtype=np.int64)
# run: delete(np.arange(5), 7) raises IndexError
# run[numjit-only]: delete(np.arange(5), np.array([0, 7])) raises IndexError
# run: cross(np.array([1, 2, 3]), np.array([4.0, 5.0, 6.0])) == np.array([-3.0, 6.0, -3.0], dtype=np.float64)
# run: cross(np.array([1, 0, 0]), np.array([0, 1, 0])) == np.array([0, 0, 1], dtype=np.int64)
# run: cross(np.array([1j, 0, 0]), np.array([0, 1, 0])) == np.array([(0.0+0.0j), (0.0+0.0j), (0.0+1.0j)], dtype=np.complex128)
# run: cross(np.arange(6.0)[::2], np.array([1.0, 1.0, 1.0])) == np.array([-2.0, 4.0, -2.0], dtype=np.float64)
# run: cross(np.arange(4.0), np.arange(3.0)) raises ValueError


def resize(a, shape):
    return np.resize(a, shape)


def chkfinite(a):
    return np.asarray_chkfinite(a)


# run: resize(np.arange(3), (2, 4)) == np.array([[0, 1, 2, 0], [1, 2, 0, 1]], dtype=np.int64)
# run: resize(np.arange(6).reshape(2, 3).T, 4) == np.array([0, 3, 1, 4], dtype=np.int64)
# run: resize(np.arange(3), 0) == np.array([], dtype=np.int64)
# run: resize(np.array([], dtype=np.float64), 3) == np.array([0.0, 0.0, 0.0], dtype=np.float64)
# run: resize(np.arange(3.0), (2, 0)) == np.array([[], []], dtype=np.float64).reshape((2, 0))
# run: resize(np.arange(3), -1) raises ValueError
# run: chkfinite(np.array([1.0, 2.0])) == np.array([1.0, 2.0], dtype=np.float64) ; view of arg0
# run: chkfinite(np.array([1, 2])) == np.array([1, 2], dtype=np.int64)
# run: chkfinite(np.array([1.0, inf])) raises ValueError: array must not contain infs or NaNs
# run: chkfinite(np.array([complex(1.0, nan)])) raises ValueError
