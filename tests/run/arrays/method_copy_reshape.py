# copy, reshape, ravel, flatten, transpose: which make views and which copies.
import numpy as np


def copy_then_modify(a):
    b = a.copy()
    b[0] = 100
    return b


def reshape_view(a):
    return a.reshape((3, 4))


def reshape_ints(a):
    return a.reshape(2, 2, 3)


def reshape_minus_one(a):
    return a.reshape((-1, 2))


def reshape_and_write(a):
    b = a.reshape((2, 3))
    b[1, 1] = -1
    return a


def ravel_c(a):
    return a.ravel()


def flatten_copy(a):
    f = a.flatten()
    f[0] = 99
    return f


def transpose_axes(a):
    return a.transpose((1, 2, 0))


def transpose_noargs(a):
    return a.transpose()


def row_means_via_reshape(a, rows):
    m = a.reshape((rows, a.size // rows))
    out = np.empty(rows)
    for i in range(rows):
        out[i] = m[i].sum() / m.shape[1]
    return out


# run: copy_then_modify(np.arange(5)) == np.array([100, 1, 2, 3, 4], dtype=np.int64) ; arg0 == np.array([0, 1, 2, 3, 4], dtype=np.int64) ; not view of arg0
# run: copy_then_modify(np.arange(6.0).reshape(2, 3).T) == np.array([[100.0, 100.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64) ; arg0 == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64)
# run: copy_then_modify(np.array([True, False])) == np.array([True, False], dtype=np.bool_)
# run: reshape_view(np.arange(12)) == np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], dtype=np.int64) ; view of arg0
# run: reshape_view(np.arange(12, dtype=np.float32).reshape(2, 6)) == np.array([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], dtype=np.float32) ; view of arg0
# run: reshape_ints(np.arange(12.0)) == np.array([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], dtype=np.float64) ; view of arg0
# run: reshape_minus_one(np.arange(8, dtype=np.int32)) == np.array([[0, 1], [2, 3], [4, 5], [6, 7]], dtype=np.int32)
# run: reshape_and_write(np.zeros(6)) == np.array([0.0, 0.0, 0.0, 0.0, -1.0, 0.0], dtype=np.float64)
# run: ravel_c(np.arange(6).reshape(2, 3)) == np.array([0, 1, 2, 3, 4, 5], dtype=np.int64) ; view of arg0
# run: ravel_c(np.arange(6).reshape(2, 3).T) == np.array([0, 3, 1, 4, 2, 5], dtype=np.int64) ; not view of arg0
# run: ravel_c(np.arange(24.0).reshape(2, 3, 4)[:, 1, ::2]) == np.array([4.0, 6.0, 16.0, 18.0], dtype=np.float64)
# run: ravel_c(np.array(5.0)) == np.array([5.0], dtype=np.float64)
# run: flatten_copy(np.arange(6).reshape(2, 3)) == np.array([99, 1, 2, 3, 4, 5], dtype=np.int64) ; not view of arg0
# run: flatten_copy(np.asfortranarray(np.arange(6.0).reshape(3, 2))) == np.array([99.0, 1.0, 2.0, 3.0, 4.0, 5.0], dtype=np.float64)
# run: transpose_axes(np.arange(24).reshape(2, 3, 4)) == np.array([[[0, 12], [1, 13], [2, 14], [3, 15]], [[4, 16], [5, 17], [6, 18], [7, 19]], [[8, 20], [9, 21], [10, 22], [11, 23]]], dtype=np.int64) ; view of arg0
# run: transpose_noargs(np.arange(6.0).reshape(2, 3)) == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64) ; view of arg0
# run: transpose_noargs(np.arange(24, dtype=np.int32).reshape(2, 3, 4)) == np.array([[[0, 12], [4, 16], [8, 20]], [[1, 13], [5, 17], [9, 21]], [[2, 14], [6, 18], [10, 22]], [[3, 15], [7, 19], [11, 23]]], dtype=np.int32)
# run: row_means_via_reshape(np.arange(12.0), 3) == np.array([1.5, 5.5, 9.5], dtype=np.float64)
# run: row_means_via_reshape(np.arange(12.0), 4) == np.array([1.0, 4.0, 7.0, 10.0], dtype=np.float64)
# run: reshape_view(np.arange(10)) raises ValueError
