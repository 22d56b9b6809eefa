# Integer-array (fancy) indexing and boolean masks: copies, in C order.
import numpy as np


def take(a, idx):
    return a[idx]


def take_rows(a, idx):
    return a[idx, :]


def take_cols(a, idx):
    return a[:, idx]


def take_pairs(a, rows, cols):
    return a[rows, cols]


def masked(a, m):
    return a[m]


def multiples_of_5(a):
    return a[a % 5 == 0]


def positives(a):
    return a[a > 0]


def mean_above(a, t):
    sel = a[a > t]
    if sel.size == 0:
        return 0.0
    return sel.sum() / sel.size


def gather_sum(a, idx):
    s = a[0] * 0
    for k in idx:
        s += a[k]
    return s


def permute(a, p):
    out = a[p]
    out[0] = -1
    return out


# run: take(np.arange(10.0), np.array([3, 0, 9, 3])) == np.array([3.0, 0.0, 9.0, 3.0], dtype=np.float64) ; not view of arg0
# run: take(np.arange(10), np.array([-1, -10])) == np.array([9, 0], dtype=np.int64)
# run: take(np.arange(10, dtype=np.int32)[::2], np.array([4, 1])) == np.array([8, 2], dtype=np.int32)
# run: take(np.array([True, False, True]), np.array([2, 1, 1])) == np.array([True, False, False], dtype=np.bool_)
# run: take(np.array([1j, 2.0, 3 - 1j]), np.array([0, 2], dtype=np.int32)) == np.array([(0.0+1.0j), (3.0-1.0j)], dtype=np.complex128)
# run: take(np.arange(5), np.zeros(0, dtype=np.int64)) == np.array([], dtype=np.int64)
# run: take(np.arange(12).reshape(3, 4), np.array([2, 0])) == np.array([[8, 9, 10, 11], [0, 1, 2, 3]], dtype=np.int64)
# run: take_rows(np.arange(12.0).reshape(3, 4).T, np.array([3, 3, 0])) == np.array([[3.0, 7.0, 11.0], [3.0, 7.0, 11.0], [0.0, 4.0, 8.0]], dtype=np.float64)
# run: take_cols(np.arange(12).reshape(3, 4), np.array([1, -1])) == np.array([[1, 3], [5, 7], [9, 11]], dtype=np.int64)
# run: take_cols(np.arange(24).reshape(2, 3, 4), np.array([2, 0])) == np.array([[[8, 9, 10, 11], [0, 1, 2, 3]], [[20, 21, 22, 23], [12, 13, 14, 15]]], dtype=np.int64)
# run: take_pairs(np.arange(12).reshape(3, 4), np.array([0, 2, 1]), np.array([3, 0, 1])) == np.array([3, 8, 5], dtype=np.int64)
# run[boundscheck=True]: take(np.arange(5), np.array([1, 5])) raises IndexError
# run: masked(np.arange(5.0), np.array([True, False, True, True, False])) == np.array([0.0, 2.0, 3.0], dtype=np.float64)
# run: masked(np.array([3, 1, 4], dtype=np.int32), np.array([False, False, False])) == np.array([], dtype=np.int32)
# run: masked(np.arange(10)[::2], np.array([True, False, True, False, True])) == np.array([0, 4, 8], dtype=np.int64)
# Numba rejects masks of more than one dimension
# run[numjit-only]: masked(np.arange(6).reshape(2, 3), np.array([[True, False, True], [False, True, False]])) == np.array([0, 2, 4], dtype=np.int64)
# run[numjit-only]: masked(np.arange(6.0).reshape(3, 2).T, np.array([[True, True, False], [False, False, True]])) == np.array([0.0, 2.0, 5.0], dtype=np.float64)
# run[numjit-only]: multiples_of_5(np.arange(24).reshape(2, 3, 4)) == np.array([0, 5, 10, 15, 20], dtype=np.int64)
# run[numjit-only]: multiples_of_5(np.arange(24.0).reshape(2, 3, 4).T) == np.array([0.0, 20.0, 5.0, 10.0, 15.0], dtype=np.float64)
# a 1-D mask selects rows of a 2-D array
# run: masked(np.arange(12).reshape(3, 4), np.array([True, False, True])) == np.array([[0, 1, 2, 3], [8, 9, 10, 11]], dtype=np.int64)
# Numba does not check the mask's length (it reads past the mask)
# run[numjit-only]: masked(np.arange(5.0), np.array([True, False])) raises IndexError
# run: positives(np.array([-1.0, 2.0, 0.0, 3.5, -0.5])) == np.array([2.0, 3.5], dtype=np.float64)
# run: positives(np.array([-3, 5, 7], dtype=np.int32)) == np.array([5, 7], dtype=np.int32)
# a 2-D mask: Numba rejects it
# run[numjit-only]: positives(np.array([[1, -2], [-3, 4]])) == np.array([1, 4], dtype=np.int64)
# run: mean_above(np.array([1.0, 5.0, 7.0, 2.0]), 3.0) == 6.0
# run: mean_above(np.array([1.0, 2.0]), 3.0) == 0.0
# run: gather_sum(np.array([10, 20, 30, 40]), np.array([3, 3, 0])) == 90
# run: gather_sum(np.array([0.5, 1.5, 2.5]), np.array([2, -3])) == 3.0
# run: permute(np.arange(4.0), np.array([3, 2, 1, 0])) == np.array([-1.0, 2.0, 1.0, 0.0], dtype=np.float64) ; arg0 == np.array([0.0, 1.0, 2.0, 3.0], dtype=np.float64)
