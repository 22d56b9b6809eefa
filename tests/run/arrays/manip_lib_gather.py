# Gathering and element-wise library functions: np.around / np.round / a.round(),
# np.repeat, np.searchsorted (side=), np.flatnonzero, np.column_stack, np.append,
# a.take / np.take, np.roll, np.nan_to_num, np.extract, np.angle (deg=), np.iscomplex,
# np.isreal, np.bincount (weights=, minlength=), np.indices, a.conj() / a.conjugate().
import numpy as np


def around(a, decimals):
    return np.around(a, decimals)


def round0(a):
    return np.round(a)


def round_method(a, decimals):
    return a.round(decimals)


def repeat(a, reps):
    return np.repeat(a, reps)


def repeat_method(a, reps):
    return a.repeat(reps)


def searchsorted(a, v):
    return np.searchsorted(a, v)


def searchsorted_right(a, v):
    return np.searchsorted(a, v, side="right")


def searchsorted_left(a, v):
    return np.searchsorted(a, v, side="left")


def flatnonzero(a):
    return np.flatnonzero(a)


def column_stack(a, b):
    return np.column_stack((a, b))


def append(a, v):
    return np.append(a, v)


def take(a, idx):
    return a.take(idx)


def take_fn(a, idx):
    return np.take(a, idx)


def roll(a, shift):
    return np.roll(a, shift)


def fliplr_roll(a):
    return np.roll(np.fliplr(a), 1)


def nan_to_num(a):
    return np.nan_to_num(a)


def nan_to_num_kw(a):
    return np.nan_to_num(a, nan=-1.0, posinf=1e9, neginf=-1e9)


def extract(a):
    return np.extract(a % 3 == 0, a)


def extract2(c, a):
    return np.extract(c, a)


def angle(z):
    return np.angle(z)


def angle_deg(z):
    return np.angle(z, deg=True)


def iscomplex_isreal(a):
    return np.iscomplex(a), np.isreal(a)


def bincount(a):
    return np.bincount(a)


def bincount_min(a, n):
    return np.bincount(a, minlength=n)


def bincount_weights(a, w):
    return np.bincount(a, weights=w)


def indices(m, n):
    return np.indices((m, n))


def indices3():
    return np.indices((2, 1, 3))


def conj(a):
    return a.conj()


def conjugate(a):
    return a.conjugate()


# run: around(2.675, 2) == 2.68
# run: around(np.array([0.5, 1.5, 2.5, -0.5, -1.5]), 0) == np.array([0.0, 2.0, 2.0, -0.0, -2.0], dtype=np.float64)
# run: around(np.array([1.234, -5.678, 10.5]), 1) ~= np.array([1.2, -5.7, 10.5], dtype=np.float64)
# run: around(np.array([1234.5, 1250.0, -1350.0]), -2) == np.array([1200.0, 1200.0, -1400.0], dtype=np.float64)
# run: around(np.array([15, 25, -35, 44]), -1) == np.array([20, 20, -40, 40], dtype=np.int64)
# run: around(np.array([15, 25], dtype=np.int32), 1) == np.array([15, 25], dtype=np.int32)
# run: around(np.array([1.25, 2.5], dtype=np.float32), 1) == np.array([1.2, 2.5], dtype=np.float32)
# run: around(np.array([1.5 + 2.5j, -0.5 - 1.5j]), 0) == np.array([(2.0+2.0j), (-0.0-2.0j)], dtype=np.complex128)
# run: around(np.array([[0.0, 0.25, 0.5], [0.75, 1.0, 1.25]]).T, 1) == np.array([[0.0, 0.8], [0.2, 1.0], [0.5, 1.2]], dtype=np.float64)
# run: around(np.array([inf, -inf, nan]), 2) == np.array([inf, -inf, nan], dtype=np.float64)
# run: around(7, -1) == 10
# run: round0(np.array([0.4, 0.6, 2.5])) == np.array([0.0, 1.0, 2.0], dtype=np.float64)
# run: round0(3.5) == 4.0
# run[numjit-only]: round_method(np.array([[1.26, 2.34], [3.45, 4.55]]), 1) ~= np.array([[1.3, 2.3], [3.4, 4.6]], dtype=np.float64)
# compile-error: [unsupported-construct] round0(np.array([True]))
# run: repeat(np.arange(3), np.array([1, 0, 2])) == np.array([0, 2, 2], dtype=np.int64)
# run: repeat(np.arange(3), 2) == np.array([0, 0, 1, 1, 2, 2], dtype=np.int64)
# run: repeat(np.arange(4.0).reshape(2, 2), 2) == np.array([0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0], dtype=np.float64)
# run: repeat(np.arange(4.0).reshape(2, 2).T, np.array([1, 2, 0, 1])) == np.array([0.0, 2.0, 2.0, 3.0], dtype=np.float64)
# run: repeat(np.arange(3), np.array([2])) == np.array([0, 0, 1, 1, 2, 2], dtype=np.int64)
# run: repeat(5.5, 3) == np.array([5.5, 5.5, 5.5], dtype=np.float64)
# run: repeat(np.arange(3), 0) == np.array([], dtype=np.int64)
# run: repeat(np.arange(3), -1) raises ValueError
# run: repeat(np.arange(3), np.array([1, -1, 1])) raises ValueError
# run: repeat(np.arange(3), np.array([1, 2])) raises ValueError
# run: repeat_method(np.array([True, False]), 2) == np.array([True, True, False, False], dtype=np.bool_)
# run: searchsorted(np.array([1.0, 2.0, 2.0, 5.0]), 2.0) == 1
# run: searchsorted_right(np.array([1.0, 2.0, 2.0, 5.0]), 2.0) == 3
# run: searchsorted_left(np.array([1.0, 2.0, 2.0, 5.0]), 2.0) == 1
# run: searchsorted(np.array([1, 3, 5, 7]), np.array([0, 3, 4, 8])) == np.array([0, 1, 2, 4], dtype=np.int64)
# run: searchsorted_right(np.array([1, 3, 5, 7]), np.array([[0, 3], [7, 8]])) == np.array([[0, 2], [4, 4]], dtype=np.int64)
# run: searchsorted(np.array([1, 3, 5], dtype=np.int32), 4.5) == 2
# run: searchsorted(np.array([1.0, 2.0, nan]), nan) == 2
# run: searchsorted_right(np.array([1.0, 2.0, nan]), nan) == 3
# run: searchsorted(np.array([1.0, 2.0, nan]), 3.0) == 2
# run: searchsorted(np.array([], dtype=np.float64), 3.0) == 0
# run: searchsorted(np.arange(10.0)[::3], np.array([4.0, 9.0])) == np.array([2, 3], dtype=np.int64)
# run: flatnonzero(np.array([[0, 2], [3, 0]])) == np.array([1, 2], dtype=np.int64)
# run: flatnonzero(np.array([[0, 2], [3, 0]]).T) == np.array([1, 2], dtype=np.int64)
# run: flatnonzero(np.array([0.0, nan, -0.0])) == np.array([1], dtype=np.int64)
# run: flatnonzero(np.zeros(4)) == np.array([], dtype=np.int64)
# run: flatnonzero(np.array([], dtype=np.int64)) == np.array([], dtype=np.int64)
# run: flatnonzero(np.array(5)) == np.array([0], dtype=np.int64)
# run: column_stack(np.arange(3), np.array([0.0, 0.5, 1.0])) == np.array([[0.0, 0.0], [1.0, 0.5], [2.0, 1.0]], dtype=np.float64)
# run: column_stack(np.arange(4).reshape(2, 2), np.array([9, 8])) == np.array([[0, 1, 9], [2, 3, 8]], dtype=np.int64)
# run: column_stack(np.arange(3), np.arange(4)) raises ValueError
# run: append(np.arange(3), np.array([[7.5, 8.5]])) == np.array([0.0, 1.0, 2.0, 7.5, 8.5], dtype=np.float64)
# run: append(np.arange(3, dtype=np.int32), 4) == np.array([0, 1, 2, 4], dtype=np.int64)
# run: append(np.arange(4).reshape(2, 2).T, np.array([1j])) == np.array([(0.0+0.0j), (2.0+0.0j), (1.0+0.0j), (3.0+0.0j), (0.0+1.0j)], dtype=np.complex128)
# run: append(np.array([], dtype=np.float64), 1.0) == np.array([1.0], dtype=np.float64)
# run: take(np.arange(5.0), np.array([[0, 1], [4, 3]])) == np.array([[0.0, 1.0], [4.0, 3.0]], dtype=np.float64)
# run: take(np.arange(6).reshape(2, 3).T, np.array([0, -1, 2])) == np.array([0, 5, 1], dtype=np.int64)
# run: take(np.arange(5.0), 2) == 2.0
# run: take(np.arange(5.0), -5) == 0.0
# run: take(np.arange(5.0), 5) raises IndexError
# run: take(np.arange(5.0), np.array([0, 7])) raises IndexError
# run: take_fn(np.arange(6).reshape(2, 3), np.array([5, 0])) == np.array([5, 0], dtype=np.int64)
# run: roll(np.arange(5), 2) == np.array([3, 4, 0, 1, 2], dtype=np.int64)
# run: roll(np.arange(5), -7) == np.array([2, 3, 4, 0, 1], dtype=np.int64)
# run: roll(np.arange(6.0).reshape(2, 3), 1) == np.array([[5.0, 0.0, 1.0], [2.0, 3.0, 4.0]], dtype=np.float64)
# run: roll(np.arange(6.0).reshape(2, 3).T, 4) == np.array([[1.0, 4.0], [2.0, 5.0], [0.0, 3.0]], dtype=np.float64)
# run: roll(np.array([], dtype=np.int64), 3) == np.array([], dtype=np.int64)
# run: roll(np.array(2.5), 3) == np.array(2.5, dtype=np.float64)
# run: fliplr_roll(np.arange(6).reshape(2, 3)) == np.array([[3, 2, 1], [0, 5, 4]], dtype=np.int64)
# run: nan_to_num(np.array([nan, inf, -inf, 1.5])) == np.array([0.0, 1.7976931348623157e+308, -1.7976931348623157e+308, 1.5], dtype=np.float64)
# run: nan_to_num(np.array([nan, inf, -inf], dtype=np.float32)) == np.array([0.0, 3.4028235e+38, -3.4028235e+38], dtype=np.float32)
# run: nan_to_num(np.array([complex(nan, inf), 1 + 1j])) == np.array([(0.0+1.7976931348623157e+308j), (1.0+1.0j)], dtype=np.complex128)
# run: nan_to_num(np.array([1, 2], dtype=np.int32)) == np.array([1, 2], dtype=np.int32)
# run: nan_to_num(nan) == 0.0
# run: nan_to_num_kw(np.array([nan, inf, -inf, 1.5])) == np.array([-1.0, 1000000000.0, -1000000000.0, 1.5], dtype=np.float64)
# run: extract(np.arange(10).reshape(2, 5)) == np.array([0, 3, 6, 9], dtype=np.int64)
# run: extract2(np.array([True, False, True]), np.arange(5.0)) == np.array([0.0, 2.0], dtype=np.float64)
# run[numjit-only]: extract2(np.array([0, 0, 0, 1]), np.arange(3)) raises IndexError
# run: extract2(np.array([1, 0, 0, 0]), np.arange(3)) == np.array([0], dtype=np.int64)
# run: angle(np.array([1j, -1 + 0j, 1 - 1j])) ~= np.array([1.5707963267948966, 3.141592653589793, -0.7853981633974483], dtype=np.float64)
# run[numjit-only]: angle(np.array([-2, 0, 3], dtype=np.int32)) == np.array([3.141592653589793, 0.0, 0.0], dtype=np.float64)
# run: angle(np.array([-0.0, 0.0, -1.5], dtype=np.float32)) ~= np.array([3.1415927, 0.0, 3.1415927], dtype=np.float32)
# run: angle(-1 + 1j) ~= 2.356194490192345
# run: angle_deg(np.array([1j, -1 + 0j, 1 - 1j])) ~= np.array([90.0, 180.0, -45.0], dtype=np.float64)
# run: angle_deg(-1.0) ~= 180.0
# run: iscomplex_isreal(np.array([1 + 1j, 1 + 0j, 4.5])) == (np.array([True, False, False], dtype=np.bool_), np.array([False, True, True], dtype=np.bool_))
# run: iscomplex_isreal(np.array([[1, 2], [3, 4]])) == (np.array([[False, False], [False, False]], dtype=np.bool_), np.array([[True, True], [True, True]], dtype=np.bool_))
# run: iscomplex_isreal(2j) == (True, False)
# run: bincount(np.array([0, 1, 1, 3, 2, 1, 7])) == np.array([1, 3, 1, 1, 0, 0, 0, 1], dtype=np.int64)
# run: bincount(np.array([], dtype=np.int64)) == np.array([], dtype=np.int64)
# run: bincount(np.array([1, 2], dtype=np.uint8)) == np.array([0, 1, 1], dtype=np.int64)
# run: bincount(np.array([1, -1])) raises ValueError
# run: bincount_min(np.array([0, 1, 1]), 5) == np.array([1, 2, 0, 0, 0], dtype=np.int64)
# run: bincount_min(np.array([0, 4]), 2) == np.array([1, 0, 0, 0, 1], dtype=np.int64)
# run: bincount_min(np.array([0, 4]), -1) raises ValueError
# run: bincount_weights(np.array([0, 1, 1, 2, 2, 2]), np.array([0.3, 0.5, 0.2, 0.7, 1.0, -0.6])) ~= np.array([0.3, 0.7, 1.1], dtype=np.float64)
# run: bincount_weights(np.array([0, 1]), np.array([1, 2, 3])) raises ValueError
# run: indices(2, 3) == np.array([[[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]], dtype=np.int64)
# run: indices(0, 2) == np.array([[], []], dtype=np.int64).reshape((2, 0, 2))
# run: indices3() == np.array([[[[0, 0, 0]], [[1, 1, 1]]], [[[0, 0, 0]], [[0, 0, 0]]], [[[0, 1, 2]], [[0, 1, 2]]]], dtype=np.int64)
# run: conj(np.array([1 + 2j, 3 - 4j])) == np.array([(1.0-2.0j), (3.0+4.0j)], dtype=np.complex128)
# run: conj(np.arange(6.0).reshape(2, 3).T) == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64)
# run: conjugate(np.array([[1 + 2j], [0.5 - 1j]], dtype=np.complex64)) == np.array([[(1.0-2.0j)], [(0.5+1.0j)]], dtype=np.complex64)
