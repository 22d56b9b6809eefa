# None/np.newaxis and ellipsis in indices, alone and in tuples with ints
# and slices: views of the argument.
import numpy as np


def as_column(a):
    return a[:, None]


def as_row(a):
    return a[np.newaxis, :]


def outer_by_broadcast(a, b):
    return a[:, np.newaxis] * b[np.newaxis, :]


def last_axis_first(a):
    return a[..., 0]


def ellipsis_middle(a):
    return a[0, ..., 1]


def ellipsis_all(a):
    return a[...]


def ellipsis_0d(a):
    return a[...]


def add_two_axes(a):
    return a[None, :, None]


def pairwise_distances(x):
    # |x_i - x_j| for points on a line, with broadcasting
    d = x[:, None] - x[None, :]
    return np.abs(d)


def new_axis_then_int(a):
    return a[None, 1]


# run: as_column(np.arange(3)) == np.array([[0], [1], [2]], dtype=np.int64) ; view of arg0
# run: as_column(np.arange(6.0).reshape(2, 3)) == np.array([[[0.0, 1.0, 2.0]], [[3.0, 4.0, 5.0]]], dtype=np.float64)
# run: as_row(np.array([1.5, 2.5], dtype=np.float32)) == np.array([[1.5, 2.5]], dtype=np.float32) ; view of arg0
# run: outer_by_broadcast(np.array([1.0, 2.0, 3.0]), np.array([10.0, 20.0])) == np.array([[10.0, 20.0], [20.0, 40.0], [30.0, 60.0]], dtype=np.float64)
# run: outer_by_broadcast(np.arange(3, dtype=np.int32), np.arange(4, dtype=np.int32)[::-1]) == np.array([[0, 0, 0, 0], [3, 2, 1, 0], [6, 4, 2, 0]], dtype=np.int32)
# run: last_axis_first(np.arange(24).reshape(2, 3, 4)) == np.array([[0, 4, 8], [12, 16, 20]], dtype=np.int64) ; view of arg0
# run: last_axis_first(np.arange(6.0).reshape(3, 2).T) == np.array([0.0, 1.0], dtype=np.float64)
# run: ellipsis_middle(np.arange(24).reshape(2, 3, 4)) == np.array([1, 5, 9], dtype=np.int64) ; view of arg0
# Numba cannot lower a[...] (NotImplementedError)
# run[numjit-only]: ellipsis_all(np.arange(4.0)) == np.array([0.0, 1.0, 2.0, 3.0], dtype=np.float64) ; view of arg0
# Numba cannot lower a[...] (NotImplementedError)
# run[numjit-only]: ellipsis_0d(np.array(3.5)) == np.array(3.5, dtype=np.float64)
# run: add_two_axes(np.array([True, False])) == np.array([[[True], [False]]], dtype=np.bool_)
# run: pairwise_distances(np.array([0.0, 1.5, 4.0])) == np.array([[0.0, 1.5, 4.0], [1.5, 0.0, 2.5], [4.0, 2.5, 0.0]], dtype=np.float64)
# run: new_axis_then_int(np.arange(6).reshape(2, 3)) == np.array([[3, 4, 5]], dtype=np.int64)
