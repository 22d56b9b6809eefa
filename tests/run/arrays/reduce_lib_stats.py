# Reductions of the library: np.ptp, np.count_nonzero (with axis), np.nanvar, np.nanstd,
# np.percentile / np.quantile / np.nanpercentile / np.nanquantile (NumPy's default
# `linear` method), np.trapezoid.
import numpy as np


def ptp(a):
    return np.ptp(a)


def count_nonzero(a):
    return np.count_nonzero(a)


def count_nonzero_axis(a, axis):
    return np.count_nonzero(a, axis=axis)


def nanvar(a):
    return np.nanvar(a)


def nanstd(a):
    return np.nanstd(a)


def percentile(a, q):
    return np.percentile(a, q)


def quantile(a, q):
    return np.quantile(a, q)


def nanpercentile(a, q):
    return np.nanpercentile(a, q)


def nanquantile(a, q):
    return np.nanquantile(a, q)


def trapezoid(y):
    return np.trapezoid(y)


def trapezoid_dx(y, dx):
    return np.trapezoid(y, dx=dx)


# run: ptp(np.array([[4, 9], [-2, 6]])) == 11
# run: ptp(np.array([3.5, -1.0, 2.0], dtype=np.float32)) == 4.5
# run: ptp(np.array([1.0, nan, 3.0])) == nan
# run: ptp(np.arange(12.0).reshape(3, 4)[::2, 1::2]) == 10.0
# run: ptp(np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3))) == 5
# run[numjit-only]: ptp(np.array(7)) == 0
# run: ptp(np.array([], dtype=np.float64)) raises ValueError
# compile-error: [invalid-operand] ptp(np.array([True, False]))
# run: count_nonzero(np.array([[0, 1, 2], [0, 0, 3]])) == 3
# run: count_nonzero(np.array([0.0, -0.0, nan, 1.5])) == 2
# run: count_nonzero(np.array([True, False, True])) == 2
# run: count_nonzero(np.array([0j, 1j, 1 + 0j])) == 2
# run: count_nonzero(np.zeros((0, 3))) == 0
# run: count_nonzero(np.array(3)) == 1
# run: count_nonzero_axis(np.array([[0, 1, 2], [0, 0, 3]]), 0) == np.array([0, 1, 2], dtype=np.int64)
# run: count_nonzero_axis(np.array([[0, 1, 2], [0, 0, 3]]), 1) == np.array([2, 1], dtype=np.int64)
# run: count_nonzero_axis(np.array([[0, 1, 2], [0, 0, 3]]), -1) == np.array([2, 1], dtype=np.int64)
# run: count_nonzero_axis(np.array([[[0, 1, 2, 0], [1, 2, 0, 1]], [[0, 0, 0, 0], [2, 0, 1, 2]]]), 1) == np.array([[1, 2, 1, 1], [1, 0, 1, 1]], dtype=np.int64)
# run: count_nonzero_axis(np.array([0.0, 2.0, 3.0]), 0) == 2
# run: count_nonzero_axis(np.array([[0, 1, 2], [0, 0, 3]]), 2) raises ValueError
# run: nanvar(np.array([1.0, nan, 4.0, 6.0])) ~= 4.222222222222222
# run: nanvar(np.arange(6).reshape(2, 3)) ~= 2.9166666666666665
# run: nanvar(np.array([nan, nan])) == nan
# run: nanvar(np.array([1.0, 2.0], dtype=np.float32)) == 0.25
# run: nanvar(np.array([1 + 1j, 2 - 1j, nan])) ~= 1.25
# run: nanstd(np.array([1.0, nan, 4.0, 6.0])) ~= 2.0548046676563256
# run: nanstd(np.arange(12.0).reshape(3, 4).T[::2]) ~= 3.415650255319866
# run: percentile(np.array([1.0, 2.0, 4.0, 7.0, 11.0]), 30) ~= 2.4
# run: percentile(np.arange(10.0), np.array([0.0, 25.0, 100.0])) ~= np.array([0.0, 2.25, 9.0], dtype=np.float64)
# run: percentile(np.arange(10.0), 101.0) raises ValueError
# run: percentile(np.arange(10.0), np.array([5.0, -1.0])) raises ValueError
# run: percentile(np.array([3, 1, 2], dtype=np.int32), 50) == 2.0
# run: percentile(np.array([4.0, 1.0, nan]), 50) == nan
# run: percentile(np.arange(12.0).reshape(3, 4).T, 33.3) ~= 3.6629999999999994
# run: percentile(np.array([1.0, 2.0], dtype=np.float32), 75.0) == 1.75
# run[numjit-only]: percentile(np.array([5.0]), np.array([[10.0, 90.0]])) ~= np.array([[5.0, 5.0]], dtype=np.float64)
# run: quantile(np.array([1.0, 2.0, 4.0, 7.0, 11.0]), 0.3) ~= 2.4
# run: quantile(np.arange(10), np.array([0.1, 0.5, 0.99])) ~= np.array([0.9, 4.5, 8.91], dtype=np.float64)
# run: quantile(np.arange(10.0), 1.5) raises ValueError
# run: nanpercentile(np.array([4.0, 1.0, nan, 2.0]), 50) == 2.0
# run: nanpercentile(np.array([nan, nan]), 50) == nan
# run: nanpercentile(np.arange(6.0), np.array([0.0, 100.0])) == np.array([0.0, 5.0], dtype=np.float64)
# run: nanquantile(np.array([nan, 3.0, 1.0]), 0.25) == 1.5
# run: trapezoid(np.array([1.0, 2.0, 3.0, 5.0])) == 8.0
# run: trapezoid(np.array([1, 2, 3])) == 4.0
# run: trapezoid(np.array([True, False])) == 0.5
# run: trapezoid(np.array([1.0, 2.0], dtype=np.float32)) == 1.5
# run: trapezoid(np.array([1j, 2 + 1j])) == (1.0+1.0j)
# run: trapezoid(np.array([5.0])) == 0.0
# run: trapezoid(np.arange(6.0)[::2]) == 4.0
# run: trapezoid_dx(np.array([1.0, 2.0, 3.0]), 0.5) == 2.0
# run: trapezoid_dx(np.array([1, 4]), 2) == 5.0
