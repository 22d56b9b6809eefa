# The library functions beyond manip_order.py / manip_select.py / reduce_functions.py:
# np.where, np.clip, cumulative sums, np.diff, NaN-ignoring reductions, np.median,
# sorting (functions and methods), np.outer, np.trace over dtypes, layouts and edge cases.
# numjit-only lines: Numba 0.68.1 has no axis= for cumprod/nansum/median/sort/argsort,
# no a.trace() and no np.trace of integer arrays, fails on a.sort(axis) (AssertionError),
# and differs from NumPy where a comment says so.
import numpy as np


def where3(c, x, y):
    return np.where(c, x, y)


def clip3(a, lo, hi):
    return np.clip(a, lo, hi)


def clip_upper(a, hi):
    return np.clip(a, None, hi)


def clip_method(a, lo, hi):
    return a.clip(lo, hi)


def cumsum_of(a):
    return np.cumsum(a)


def cumprod_of(a):
    return np.cumprod(a)


def cumsum_axis_pos(a, ax):
    return np.cumsum(a, ax)


def cumprod_method_axis(a, ax):
    return a.cumprod(axis=ax)


def diff_n(a, n):
    return np.diff(a, n)


def nan_stats(a):
    return (np.nansum(a), np.nanprod(a), np.nanmean(a), np.nanmin(a), np.nanmax(a))


def nanmin_of(a):
    return np.nanmin(a)


def nansum_axis_pos(a, ax):
    return np.nansum(a, ax)


def median_of(a):
    return np.median(a)


def median_axis_pos(a, ax):
    return np.median(a, ax)


def sorted_of(a):
    return np.sort(a)


def sorted_axis_pos(a, ax):
    return np.sort(a, ax)


def sorted_flat(a):
    return np.sort(a, None)


def sort_axis_in_place(a, ax):
    a.sort(ax)
    return a


def argsorted_axis_pos(a, ax):
    return np.argsort(a, ax)


def outer_of(a, b):
    return np.outer(a, b)


def trace_offset(a, k):
    return np.trace(a, k)


def trace_method(a):
    return a.trace()


# run: where3(np.array([[1.5, 0.0], [0.0, -2.0]]), np.arange(2, dtype=np.uint8), np.int8(-1)) == np.array([[0, -1], [-1, 1]], dtype=np.int16)
# float32 array with a Python int: Numba promotes to float64 (see expr_scalar_promotion.py)
# run[numba-semantics]: where3(np.array([1+1j, 0j]), np.array([1.0, 2.0], dtype=np.float32), 0) == np.array([1.0, 0.0], dtype=np.float64)
# run: where3(np.array([[0, 1], [3, 0], [0, 2]]), np.arange(6.0).reshape(2, 3).T, np.zeros((3, 2))) == np.array([[0.0, 3.0], [1.0, 0.0], [0.0, 5.0]], dtype=np.float64)
# run: where3(np.array([True, False, True]), np.array([1, 2]), 0) raises ValueError
# run: where3(np.zeros((0, 2), dtype=np.bool_), 1.0, 2.0) == np.array([], dtype=np.float64).reshape((0, 2))
# Numba's clip compares with the NaN bound and keeps 1.0 (NumPy: NaN)
# run[numjit-only]: clip3(np.array([1.0, nan, 3.0]), nan, 2.0) == np.array([nan, nan, nan], dtype=np.float64)
# run: clip3(np.array([1.0, 5.0, 3.0]), 4.0, 2.0) == np.array([2.0, 2.0, 2.0], dtype=np.float64)
# Numba's clip keeps the array's dtype (empty_like) even for a float bound
# run[numjit-only]: clip3(np.arange(6, dtype=np.int32).reshape(2, 3), 1.5, 3) == np.array([[1.5, 1.5, 2.0], [3.0, 3.0, 3.0]], dtype=np.float64)
# run: clip3(np.array([0.5, 2.5, -1.0], dtype=np.float32), 0.0, 1.0) == np.array([0.5, 1.0, 0.0], dtype=np.float32)
# run: clip3(np.arange(6.0).reshape(2, 3)[:, ::2], np.array([[1.0], [4.5]]), np.array([2.0, 9.0])) == np.array([[1.0, 2.0], [2.0, 5.0]], dtype=np.float64)
# run: clip3(np.arange(4), np.array([0, 1, 2, 3, 4]), 2) raises ValueError
# Numba's clip keeps the bool dtype
# run[numjit-only]: clip3(np.array([True, False]), 0, 1) == np.array([1, 0], dtype=np.int64)
# run: clip_upper(np.array([-1.0, 2.0, nan]), 0.5) == np.array([-1.0, 0.5, nan], dtype=np.float64)
# run: clip_method(np.array([[9, -9], [3, 4]], dtype=np.int64).T, -1, 5) == np.array([[5, 3], [-1, 4]], dtype=np.int64)
# run: clip_method(readonly(np.array([0.25, 0.75])), 0.5, 1.0) == np.array([0.5, 0.75], dtype=np.float64) ; not view of arg0
# run: cumsum_of(np.array([[1, 2], [3, 4]], dtype=np.uint8)) == np.array([1, 3, 6, 10], dtype=np.uint64)
# run: cumsum_of(np.zeros((0, 3))) == np.array([], dtype=np.float64)
# run: cumsum_of(np.array(2.5)) == np.array([2.5], dtype=np.float64)
# run: cumsum_of(np.arange(12.0).reshape(3, 4)[::2, 1::2]) == np.array([1.0, 4.0, 13.0, 24.0], dtype=np.float64)
# run: cumprod_of(np.asfortranarray(np.arange(1, 7).reshape(2, 3))) == np.array([1, 2, 6, 24, 120, 720], dtype=np.int64)
# run: cumprod_of(np.array([1 + 1j, 2j], dtype=np.complex64)) == np.array([(1.0+1.0j), (-2.0+2.0j)], dtype=np.complex64)
# run: cumsum_axis_pos(np.arange(24).reshape(2, 3, 4), 1) == np.array([[[0, 1, 2, 3], [4, 6, 8, 10], [12, 15, 18, 21]], [[12, 13, 14, 15], [28, 30, 32, 34], [48, 51, 54, 57]]], dtype=np.int64)
# run: cumsum_axis_pos(np.array([[True, True], [False, True]]), -1) == np.array([[1, 2], [0, 1]], dtype=np.int64)
# run: cumsum_axis_pos(np.arange(6).reshape(2, 3), 2) raises ValueError: axis 2 is out of bounds for array of dimension 2
# run[numjit-only]: cumprod_method_axis(np.asfortranarray(np.arange(1.0, 7.0).reshape(3, 2)), 0) == np.array([[1.0, 2.0], [3.0, 8.0], [15.0, 48.0]], dtype=np.float64)
# run: diff_n(np.array([1, 4, 9, 16, 25]), 5) == np.array([], dtype=np.int64)
# run: diff_n(np.array([1, 4, 9, 16, 25]), 9) == np.array([], dtype=np.int64)
# run: diff_n(np.array([[1.0, 4.0, 9.0, 16.0], [0.5, 0.25, 2.0, -1.0]]), 2) == np.array([[2.0, 2.0], [2.0, -4.75]], dtype=np.float64)
# run: diff_n(np.asfortranarray(np.arange(6).reshape(2, 3)), 1) == np.array([[1, 1], [1, 1]], dtype=np.int64)
# run: diff_n(np.array([0, 255, 3], dtype=np.uint8), 1) == np.array([255, 4], dtype=np.uint8)
# run: diff_n(np.array([1j, 2.0, 1 - 1j]), 1) == np.array([(2.0-1.0j), (-1.0-1.0j)], dtype=np.complex128)
# run: diff_n(np.array([1.0, 2.0]), -1) raises ValueError
# run: nan_stats(np.array([nan, nan])) == (0.0, 1.0, nan, nan, nan)
# run: nan_stats(np.array([[1.5, nan], [nan, -2.0]]).T[::-1]) == (-0.5, -3.0, -0.25, -2.0, 1.5)
# run: nan_stats(np.array([True, False, True])) == (2, 0, 0.6666666666666666, False, True)
# run: nan_stats(np.array([-inf, nan, 2.0])) == (-inf, -inf, -inf, -inf, 2.0)
# run: nanmin_of(np.zeros(0)) raises ValueError
# run[numjit-only]: nansum_axis_pos(np.array([[1.0, nan, 2.0], [nan, nan, nan]]), 1) == np.array([3.0, 0.0], dtype=np.float64)
# run[numjit-only]: nansum_axis_pos(np.arange(6, dtype=np.int32).reshape(2, 3), 0) == np.array([3, 5, 7], dtype=np.int64)
# run: median_of(np.array([3, 1, 2], dtype=np.int32)) == 2.0
# run: median_of(np.array([0.5, 0.25], dtype=np.float32)) == 0.375
# run: median_of(np.array([True, False, True, True])) == 1.0
# Numba's median ignores a NaN that is not last after partitioning
# run[numjit-only]: median_of(np.array([nan, 1.0, 2.0, 3.0])) == nan
# run: median_of(np.asfortranarray(np.arange(12.0).reshape(3, 4))[:, ::-1]) == 5.5
# run[numjit-only]: median_axis_pos(np.arange(12.0).reshape(3, 4).T, 0) == np.array([1.5, 5.5, 9.5], dtype=np.float64)
# run[numjit-only]: median_axis_pos(np.array([[1.0, nan], [2.0, 3.0]]), 0) == np.array([1.5, nan], dtype=np.float64)
# run: sorted_of(np.array([2.0, -0.5, inf, -inf, nan, 1.0, nan, 0.25])) == np.array([-inf, -0.5, 0.25, 1.0, 2.0, inf, nan, nan], dtype=np.float64)
# run: sorted_of(np.array([3, 250, 0, 17], dtype=np.uint8)) == np.array([0, 3, 17, 250], dtype=np.uint8)
# run: sorted_of(np.array([2 + 1j, 1 + 3j, 1 - 1j, 0j])) == np.array([(0.0+0.0j), (1.0-1.0j), (1.0+3.0j), (2.0+1.0j)], dtype=np.complex128)
# run: sorted_of(np.array([[5, 1, 4], [2, 8, 0]]).T) == np.array([[2, 5], [1, 8], [0, 4]], dtype=np.int64)
# run: sorted_of(np.zeros((2, 0))) == np.array([[], []], dtype=np.float64).reshape((2, 0))
# run: sorted_of(np.array([9.0, 1.0, 5.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0, 0.0, 11.0, 10.0, 13.0, 12.0, 15.0, 14.0, 16.0])) == np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0], dtype=np.float64)
# run[numjit-only]: sorted_axis_pos(np.array([[3.0, 1.0], [2.0, 4.0], [0.0, 5.0]]), 0) == np.array([[0.0, 1.0], [2.0, 4.0], [3.0, 5.0]], dtype=np.float64)
# run[numjit-only]: sorted_flat(np.array([[3, 1], [2, 0]])) == np.array([0, 1, 2, 3], dtype=np.int64)
# run[numjit-only]: sort_axis_in_place(np.array([[3, 1, 2], [0, 5, 4]]), 0) == np.array([[0, 1, 2], [3, 5, 4]], dtype=np.int64) ; arg0 == np.array([[0, 1, 2], [3, 5, 4]], dtype=np.int64)
# run[numjit-only]: sort_axis_in_place(np.arange(12).reshape(3, 4)[::-1, ::2], -1) == np.array([[8, 10], [4, 6], [0, 2]], dtype=np.int64) ; arg0 == np.array([[8, 10], [4, 6], [0, 2]], dtype=np.int64)
# run[numjit-only]: argsorted_axis_pos(np.array([[0.5, 3.0, -1.0], [9.0, -2.0, 4.0]]), 0) == np.array([[0, 1, 0], [1, 0, 1]], dtype=np.int64)
# run[numjit-only]: argsorted_axis_pos(np.array([[0.5, 3.0, -1.0], [9.0, -2.0, 4.0]]).T, 1) == np.array([[0, 1], [1, 0], [0, 1]], dtype=np.int64)
# run[numjit-only]: argsorted_axis_pos(np.array([3, 1, 2]), None) == np.array([1, 2, 0], dtype=np.int64)
# run: outer_of(np.array([1, 2], dtype=np.int8), np.array([100, 100], dtype=np.int8)) == np.array([[100, 100], [-56, -56]], dtype=np.int8)
# run: outer_of(np.array([True, False]), np.array([2.5, -1.0])) == np.array([[2.5, -1.0], [0.0, -0.0]], dtype=np.float64)
# run: outer_of(np.array([1j, 2.0]), np.arange(2.0)) == np.array([[(0.0+0.0j), (0.0+1.0j)], [(0.0+0.0j), (2.0+0.0j)]], dtype=np.complex128)
# run: outer_of(np.arange(6.0).reshape(2, 3).T, np.array([1.0, 10.0])) == np.array([[0.0, 0.0], [3.0, 30.0], [1.0, 10.0], [4.0, 40.0], [2.0, 20.0], [5.0, 50.0]], dtype=np.float64)
# run: outer_of(np.zeros(0), np.arange(3.0)) == np.array([], dtype=np.float64).reshape((0, 3))
# run[numjit-only]: trace_offset(np.arange(12).reshape(3, 4), 1) == 18
# run[numjit-only]: trace_offset(np.arange(12).reshape(3, 4), -2) == 8
# run[numjit-only]: trace_offset(np.arange(12).reshape(3, 4), 7) == 0
# run[numjit-only]: trace_method(np.arange(6.0).reshape(3, 2)) == 3.0
# run[numjit-only]: trace_method(np.array([[True, True], [False, True]])) == 2
# run[numjit-only]: trace_method(np.array([[1 + 1j, 2.0], [0.0, 1j]])) == (1.0+2.0j)
