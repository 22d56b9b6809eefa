# Integer indexing (negative wraps), slices with steps, tuples of them:
# views of the argument, never copies.
import numpy as np


def get(a, i):
    return a[i]


def get2(a, i, j):
    return a[i, j]


def get3(a, i, j, k):
    return a[i, j, k]


def last_first(a):
    return a[-1] - a[0]


def row(a, i):
    return a[i]


def column(a, j):
    return a[:, j]


def every_other(a):
    return a[::2]


def reversed_view(a):
    return a[::-1]


def window(a, lo, hi):
    return a[lo:hi]


def window_step(a, lo, hi, step):
    return a[lo:hi:step]


def corner(a):
    return a[1:, ::-2]


def plane(a):
    return a[1, :, 1:3]


def interior_sum(a):
    # sum of the interior of a 2-D grid, through a view
    inner = a[1:-1, 1:-1]
    s = 0.0
    for i in range(inner.shape[0]):
        for j in range(inner.shape[1]):
            s += inner[i, j]
    return s


def trace_by_index(a):
    t = a[0, 0] * 0
    for i in range(min(a.shape[0], a.shape[1])):
        t += a[i, i]
    return t


def slice_of_slice(a):
    b = a[1:]
    c = b[::2]
    return c[1:]


# run: get(np.arange(5), 2) == 2
# run: get(np.arange(5), -1) == 4
# run: get(np.arange(5), -5) == 0
# run: get(np.array([1.5, 2.5], dtype=np.float32), 1) == 2.5
# run: get(np.array([1+2j, 3j]), -1) == (0.0+3.0j)
# run: get(np.array([True, False]), 1) == False
# run: get(np.arange(10, dtype=np.int32)[::3], 2) == 6
# run: get2(np.arange(12).reshape(3, 4), 2, -1) == 11
# run: get2(np.arange(12.0).reshape(3, 4).T, 3, 0) == 3.0
# run: get2(np.asfortranarray(np.arange(12).reshape(3, 4)), -1, -4) == 8
# run: get3(np.arange(24).reshape(2, 3, 4), 1, 2, 3) == 23
# run: get3(np.arange(24.0).reshape(2, 3, 4)[:, ::-1, ::2], -1, 0, 1) == 22.0
# run: last_first(np.arange(3.0, 10.0)) == 6.0
# run: row(np.arange(12).reshape(3, 4), 1) == np.array([4, 5, 6, 7], dtype=np.int64) ; view of arg0
# run: row(np.arange(24).reshape(2, 3, 4), -1) == np.array([[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]], dtype=np.int64) ; view of arg0
# run: row(np.arange(12, dtype=np.int32).reshape(3, 4).T, 0) == np.array([0, 4, 8], dtype=np.int32) ; view of arg0
# run: column(np.arange(12).reshape(3, 4), 2) == np.array([2, 6, 10], dtype=np.int64) ; view of arg0
# run: column(np.asfortranarray(np.arange(12.0).reshape(3, 4)), -1) == np.array([3.0, 7.0, 11.0], dtype=np.float64) ; view of arg0
# run: every_other(np.arange(7)) == np.array([0, 2, 4, 6], dtype=np.int64) ; view of arg0
# run: every_other(np.arange(12).reshape(4, 3)) == np.array([[0, 1, 2], [6, 7, 8]], dtype=np.int64) ; view of arg0
# run: reversed_view(np.array([1.0, 2.0, 3.0])) == np.array([3.0, 2.0, 1.0], dtype=np.float64) ; view of arg0
# run: reversed_view(np.array([True, False, False])) == np.array([False, False, True], dtype=np.bool_)
# run: window(np.arange(10), 2, 5) == np.array([2, 3, 4], dtype=np.int64) ; view of arg0
# run: window(np.arange(10), -3, 100) == np.array([7, 8, 9], dtype=np.int64)
# run: window(np.arange(10), 5, 2) == np.array([], dtype=np.int64)
# run: window_step(np.arange(20), 1, 15, 4) == np.array([1, 5, 9, 13], dtype=np.int64)
# run: window_step(np.arange(20), 15, 1, -4) == np.array([15, 11, 7, 3], dtype=np.int64)
# run: window_step(np.arange(20.0), -1, -20, -7) == np.array([19.0, 12.0, 5.0], dtype=np.float64)
# run: corner(np.arange(12).reshape(3, 4)) == np.array([[7, 5], [11, 9]], dtype=np.int64) ; view of arg0
# run: corner(np.arange(12.0).reshape(3, 4).T) == np.array([[9.0, 1.0], [10.0, 2.0], [11.0, 3.0]], dtype=np.float64)
# run: plane(np.arange(24).reshape(2, 3, 4)) == np.array([[13, 14], [17, 18], [21, 22]], dtype=np.int64) ; view of arg0
# run: interior_sum(np.arange(20.0).reshape(4, 5)) == 57.0
# run: interior_sum(np.arange(20.0).reshape(4, 5).T) == 57.0
# run: trace_by_index(np.arange(9).reshape(3, 3)) == 12
# run: trace_by_index(np.arange(6.0).reshape(2, 3)) == 4.0
# run: trace_by_index(np.array([[1+1j, 0j], [0j, 2-1j]])) == (3.0+0.0j)
# run: slice_of_slice(np.arange(10)) == np.array([3, 5, 7, 9], dtype=np.int64) ; view of arg0
# run[boundscheck=True]: get(np.arange(5), 5) raises IndexError
# run[boundscheck=True]: get(np.arange(5), -6) raises IndexError
# run[boundscheck=True]: get2(np.arange(12).reshape(3, 4), 1, 4) raises IndexError
# run[boundscheck=True]: get3(np.arange(24).reshape(2, 3, 4), 2, 0, 0) raises IndexError
# run[boundscheck=True]: row(np.zeros((0, 3)), 0) raises IndexError
