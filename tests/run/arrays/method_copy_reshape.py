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


def transpose_pair(a):
    return a.transpose(1, 0)


def transpose_by(a, axes):
    return a.transpose(axes)


def transpose_sum(a):
    return np.sum(a.transpose((2, 0, 1))[0])


# run: transpose_axes(np.asfortranarray(np.arange(24.0).reshape(2, 3, 4))) == np.array([[[0.0, 12.0], [1.0, 13.0], [2.0, 14.0], [3.0, 15.0]], [[4.0, 16.0], [5.0, 17.0], [6.0, 18.0], [7.0, 19.0]], [[8.0, 20.0], [9.0, 21.0], [10.0, 22.0], [11.0, 23.0]]], dtype=np.float64) ; view of arg0
# run: transpose_axes(np.arange(48, dtype=np.int32).reshape(4, 3, 4)[::2, :, ::-1]) == np.array([[[3, 27], [2, 26], [1, 25], [0, 24]], [[7, 31], [6, 30], [5, 29], [4, 28]], [[11, 35], [10, 34], [9, 33], [8, 32]]], dtype=np.int32) ; view of arg0
# run: transpose_pair(np.arange(6, dtype=np.int32).reshape(2, 3)) == np.array([[0, 3], [1, 4], [2, 5]], dtype=np.int32) ; view of arg0
# run: transpose_pair(np.array([[True, False, True]])) == np.array([[True], [False], [True]], dtype=np.bool_) ; view of arg0
# run: transpose_by(np.arange(24).reshape(2, 3, 4), (2, 0, 1)) == np.array([[[0, 4, 8], [12, 16, 20]], [[1, 5, 9], [13, 17, 21]], [[2, 6, 10], [14, 18, 22]], [[3, 7, 11], [15, 19, 23]]], dtype=np.int64) ; view of arg0
# run: transpose_by(np.arange(24).reshape(2, 3, 4), (-1, 0, -2)) == np.array([[[0, 4, 8], [12, 16, 20]], [[1, 5, 9], [13, 17, 21]], [[2, 6, 10], [14, 18, 22]], [[3, 7, 11], [15, 19, 23]]], dtype=np.int64) ; view of arg0
# run: transpose_by(np.arange(24).reshape(2, 3, 4), (0, 1, 1)) raises ValueError: repeated axis in transpose
# run: transpose_by(np.arange(24).reshape(2, 3, 4), (0, 1, 3)) raises ValueError: axis 3 is out of bounds for array of dimension 3
# run: transpose_by(np.arange(24).reshape(2, 3, 4), (0, 1, -4)) raises ValueError: axis -4 is out of bounds for array of dimension 3
# run: transpose_by(np.array([1+2j, 3j]), (0,)) == np.array([(1.0+2.0j), (0.0+3.0j)], dtype=np.complex128) ; view of arg0
# run: transpose_by(np.array([1+2j, 3j]), (-1,)) == np.array([(1.0+2.0j), (0.0+3.0j)], dtype=np.complex128) ; view of arg0
# run: transpose_sum(np.arange(24.0).reshape(2, 3, 4)) == 60.0


def np_transpose(a):
    return np.transpose(a)


def np_transpose_axes(a, axes):
    return np.transpose(a, axes)


def np_transpose_keyword(a):
    return np.transpose(a, axes=(1, 0))


def transpose_none(a):
    return a.transpose(None)


# run: np_transpose(np.arange(6).reshape(2, 3)) == np.array([[0, 3], [1, 4], [2, 5]], dtype=np.int64) ; view of arg0
# run: np_transpose(np.arange(24.0).reshape(2, 3, 4)[:, ::2]) == np.array([[[0.0, 12.0], [8.0, 20.0]], [[1.0, 13.0], [9.0, 21.0]], [[2.0, 14.0], [10.0, 22.0]], [[3.0, 15.0], [11.0, 23.0]]], dtype=np.float64) ; view of arg0
# run: np_transpose(np.array(3.5)) == np.array(3.5, dtype=np.float64)
# run: np_transpose_axes(np.arange(24, dtype=np.int32).reshape(2, 3, 4), (1, 0, 2)) == np.array([[[0, 1, 2, 3], [12, 13, 14, 15]], [[4, 5, 6, 7], [16, 17, 18, 19]], [[8, 9, 10, 11], [20, 21, 22, 23]]], dtype=np.int32) ; view of arg0
# run: np_transpose_axes(np.asfortranarray(np.arange(6.0).reshape(2, 3)), (0, 1)) == np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], dtype=np.float64) ; view of arg0
# run: np_transpose_axes(np.arange(6.0).reshape(2, 3), (1, 1)) raises ValueError: repeated axis in transpose
# run: np_transpose_axes(np.arange(6.0).reshape(2, 3), None) == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64) ; view of arg0
# run: np_transpose_keyword(np.array([[True, False]])) == np.array([[True], [False]], dtype=np.bool_) ; view of arg0
# run: transpose_none(np.arange(6.0).reshape(2, 3)[:, ::2]) == np.array([[0.0, 3.0], [2.0, 5.0]], dtype=np.float64) ; view of arg0
