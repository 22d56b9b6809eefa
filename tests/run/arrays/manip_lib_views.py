# NumPy functions that return views with reordered or added axes: np.flip, np.fliplr,
# np.flipud, np.swapaxes, np.moveaxis, np.atleast_1d/2d/3d, np.reshape (function form).
# NumPy returns views for all of them (np.reshape of a non-contiguous array copies).
import numpy as np


def flip(a):
    return np.flip(a)


def fliplr(a):
    return np.fliplr(a)


def flipud(a):
    return np.flipud(a)


def flip_write(a):
    b = np.flipud(a)
    b[0] = 7
    return a


def swapaxes(a, i, j):
    return np.swapaxes(a, i, j)


def moveaxis(a, s, d):
    return np.moveaxis(a, s, d)


def atleast_1d(a):
    return np.atleast_1d(a)


def atleast_2d(a):
    return np.atleast_2d(a)


def atleast_3d(a):
    return np.atleast_3d(a)


def reshape_fn(a, shape):
    return np.reshape(a, shape)


def reshape_kw(a):
    return np.reshape(a, shape=(3, -1))


def flip_sum(a):
    return np.flip(a)[0] + np.fliplr(a)[0, 0]


# run: flip(np.arange(5)) == np.array([4, 3, 2, 1, 0], dtype=np.int64) ; view of arg0
# run: flip(np.arange(6.0).reshape(2, 3)) == np.array([[5.0, 4.0, 3.0], [2.0, 1.0, 0.0]], dtype=np.float64) ; view of arg0
# run: flip(np.arange(24, dtype=np.int32).reshape(2, 3, 4)) == np.array([[[23, 22, 21, 20], [19, 18, 17, 16], [15, 14, 13, 12]], [[11, 10, 9, 8], [7, 6, 5, 4], [3, 2, 1, 0]]], dtype=np.int32)
# run: flip(np.asfortranarray(np.arange(6.0).reshape(2, 3))) == np.array([[5.0, 4.0, 3.0], [2.0, 1.0, 0.0]], dtype=np.float64)
# run: flip(np.arange(12).reshape(3, 4)[::2, 1::2]) == np.array([[11, 9], [3, 1]], dtype=np.int64)
# run: flip(np.array([], dtype=np.float64)) == np.array([], dtype=np.float64)
# run: flip(np.array([1 + 2j, 3 - 1j])) == np.array([(3.0-1.0j), (1.0+2.0j)], dtype=np.complex128)
# run: flip(np.array([True, False, False])) == np.array([False, False, True], dtype=np.bool_)
# run: fliplr(np.arange(6).reshape(2, 3)) == np.array([[2, 1, 0], [5, 4, 3]], dtype=np.int64) ; view of arg0
# run: fliplr(np.arange(24.0).reshape(2, 3, 4)) == np.array([[[8.0, 9.0, 10.0, 11.0], [4.0, 5.0, 6.0, 7.0], [0.0, 1.0, 2.0, 3.0]], [[20.0, 21.0, 22.0, 23.0], [16.0, 17.0, 18.0, 19.0], [12.0, 13.0, 14.0, 15.0]]], dtype=np.float64)
# run: fliplr(np.arange(6.0).reshape(2, 3).T) == np.array([[3.0, 0.0], [4.0, 1.0], [5.0, 2.0]], dtype=np.float64)
# compile-error: [invalid-operand] fliplr(np.arange(3))
# run: flipud(np.arange(6).reshape(2, 3)) == np.array([[3, 4, 5], [0, 1, 2]], dtype=np.int64) ; view of arg0
# run: flipud(np.arange(4.0)) == np.array([3.0, 2.0, 1.0, 0.0], dtype=np.float64)
# run: flipud(np.zeros((0, 2))) == np.array([], dtype=np.float64).reshape((0, 2))
# compile-error: [invalid-operand] flipud(np.array(1.0))
# run: flip_write(np.arange(3.0)) == np.array([0.0, 1.0, 7.0], dtype=np.float64)
# run: flip_sum(np.arange(6).reshape(2, 3)) == np.array([7, 6, 5], dtype=np.int64)
# run: swapaxes(np.arange(24).reshape(2, 3, 4), 0, 2) == np.array([[[0, 12], [4, 16], [8, 20]], [[1, 13], [5, 17], [9, 21]], [[2, 14], [6, 18], [10, 22]], [[3, 15], [7, 19], [11, 23]]], dtype=np.int64) ; view of arg0
# run: swapaxes(np.arange(6.0).reshape(2, 3), -1, 0) == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64)
# run: swapaxes(np.arange(6.0).reshape(2, 3), 1, 1) == np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], dtype=np.float64)
# run: swapaxes(np.asfortranarray(np.arange(6, dtype=np.int32).reshape(3, 2)), 0, 1) == np.array([[0, 2, 4], [1, 3, 5]], dtype=np.int32)
# run: swapaxes(np.arange(6).reshape(2, 3), 0, 2) raises ValueError
# run: moveaxis(np.arange(24).reshape(2, 3, 4), 0, -1) == np.array([[[0, 12], [1, 13], [2, 14], [3, 15]], [[4, 16], [5, 17], [6, 18], [7, 19]], [[8, 20], [9, 21], [10, 22], [11, 23]]], dtype=np.int64) ; view of arg0
# run: moveaxis(np.arange(24).reshape(2, 3, 4), 2, 0) == np.array([[[0, 4, 8], [12, 16, 20]], [[1, 5, 9], [13, 17, 21]], [[2, 6, 10], [14, 18, 22]], [[3, 7, 11], [15, 19, 23]]], dtype=np.int64)
# run: moveaxis(np.arange(24).reshape(2, 3, 4), 1, 1) == np.array([[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]], dtype=np.int64)
# run: moveaxis(np.arange(24).reshape(2, 3, 4), -1, 1) == np.array([[[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]], [[12, 16, 20], [13, 17, 21], [14, 18, 22], [15, 19, 23]]], dtype=np.int64)
# run: moveaxis(np.arange(6.0).reshape(2, 3)[:, ::2], 0, 1) == np.array([[0.0, 3.0], [2.0, 5.0]], dtype=np.float64)
# run: moveaxis(np.arange(6.0).reshape(2, 3), 0, 3) raises ValueError
# run: atleast_1d(np.array(3.0)) == np.array([3.0], dtype=np.float64) ; view of arg0
# run: atleast_1d(np.arange(3)) == np.array([0, 1, 2], dtype=np.int64) ; view of arg0
# run: atleast_1d(np.arange(6).reshape(2, 3)) == np.array([[0, 1, 2], [3, 4, 5]], dtype=np.int64)
# run: atleast_2d(np.arange(3)) == np.array([[0, 1, 2]], dtype=np.int64) ; view of arg0
# run: atleast_2d(np.array(1 + 1j)) == np.array([[(1.0+1.0j)]], dtype=np.complex128)
# run: atleast_2d(np.arange(6.0).reshape(2, 3)[:, ::2]) == np.array([[0.0, 2.0], [3.0, 5.0]], dtype=np.float64)
# run: atleast_2d(np.arange(24).reshape(2, 3, 4)) == np.array([[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]], dtype=np.int64)
# run: atleast_3d(np.array(True)) == np.array([[[True]]], dtype=np.bool_)
# run: atleast_3d(np.arange(3, dtype=np.float32)) == np.array([[[0.0], [1.0], [2.0]]], dtype=np.float32)
# run: atleast_3d(np.arange(6).reshape(2, 3)) == np.array([[[0], [1], [2]], [[3], [4], [5]]], dtype=np.int64) ; view of arg0
# run: atleast_3d(np.arange(6).reshape(2, 3).T) == np.array([[[0], [3]], [[1], [4]], [[2], [5]]], dtype=np.int64)
# run: reshape_fn(np.arange(24).reshape(2, 3, 4), (4, 6)) == np.array([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11], [12, 13, 14, 15, 16, 17], [18, 19, 20, 21, 22, 23]], dtype=np.int64) ; view of arg0
# run: reshape_fn(np.arange(6.0), (3, -1)) == np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], dtype=np.float64)
# run[numjit-only]: reshape_fn(np.arange(6.0).reshape(2, 3).T, 6) == np.array([0.0, 3.0, 1.0, 4.0, 2.0, 5.0], dtype=np.float64) ; not view of arg0
# run: reshape_fn(np.arange(6), (4, 2)) raises ValueError: cannot reshape array of size 6 into shape (4,2)
# run: reshape_kw(np.arange(6)) == np.array([[0, 1], [2, 3], [4, 5]], dtype=np.int64)
