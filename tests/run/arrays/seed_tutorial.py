# The seed tutorial's array examples (shared/seed/SUMMARY.md).
# prange is Numba's: without parallel=True it is range; the CPython
# reference maps it to range.
import numpy as np
from numba import prange


def numba_arr(arr):
    bias = 2
    return bias + np.sum(np.sqrt(arr))


def numba_loop(arr):
    bias = 2
    total = 0.0
    for x in prange(len(arr)):
        total += np.sqrt(x)
    return bias + total


def prange_test(A):
    s = 0
    for i in prange(A.shape[0]):
        s += A[i]
    return s


def prange_ok_result_whole_arr(x):
    n = x.shape[0]
    y = np.zeros(4)
    for i in prange(n):
        y += x[i]
    return y


def prange_ok_result_outer_slice(x):
    n = x.shape[0]
    y = np.zeros(4)
    z = y[:]
    for i in prange(n):
        z += x[i]
    return y


def two_d_array_reduction_prod(n):
    shp = (13, 17)
    result1 = 2 * np.ones(shp, np.int_)
    tmp = 2 * np.ones_like(result1)
    for i in prange(n):
        result1 *= tmp
    return result1


def fill_twice(a):
    a[:] = 1.0
    a += 1.0


def first_row(a):
    return a[0]


# run: numba_arr(np.arange(10)) ~= 21.30600052603572
# run[parallel=True, fastmath=True]: numba_arr(np.arange(10000)) ~= 666618.4591971084
# run: numba_loop(np.arange(100)) ~= 663.4629471031477
# run: prange_test(np.arange(-50, 50)) == -50
# run: prange_ok_result_whole_arr(np.arange(40).reshape(10, 4)) == np.array([180.0, 190.0, 200.0, 210.0], dtype=np.float64)
# run[parallel=True]: prange_ok_result_outer_slice(np.arange(40).reshape(10, 4)) == np.array([180.0, 190.0, 200.0, 210.0], dtype=np.float64)
# run: two_d_array_reduction_prod(3) == np.array([[16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], [16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16]], dtype=np.int64)
# run: fill_twice(np.zeros(3)) == None ; arg0 == np.array([2.0, 2.0, 2.0], dtype=np.float64)
# run: first_row(np.arange(6).reshape(2, 3)) == np.array([0, 1, 2], dtype=np.int64) ; view of arg0
# run: first_row(np.arange(6).reshape(2, 3).T) == np.array([0, 3], dtype=np.int64) ; view of arg0
# run: first_row(readonly(np.arange(6.0).reshape(2, 3)[::-1, 1:])) == np.array([4.0, 5.0], dtype=np.float64)
# run: first_row(np.asfortranarray(np.eye(3, dtype=np.complex128))) == np.array([complex(1.0, 0.0), complex(0.0, 0.0), complex(0.0, 0.0)], dtype=np.complex128)
