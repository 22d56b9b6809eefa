# setitem through integers, slices, None/ellipsis and tuples, with the value
# broadcast; the argument is mutated in place.
import numpy as np


def set_one(a, i, v):
    a[i] = v
    return a


def set_2d(a, i, j, v):
    a[i, j] = v


def set_row(a, i, v):
    a[i] = v


def set_row_array(a, i, r):
    a[i, :] = r


def set_column_array(a, j, c):
    a[:, j] = c


def set_slice_scalar(a):
    a[1:-1] = 0
    return a


def set_step_slice(a):
    a[::2] = -1.0


def set_block(a, b):
    a[1:3, 1:3] = b


def set_broadcast_row(a, r):
    # every row of a becomes r
    a[:] = r


def set_ellipsis(a, v):
    a[...] = v


def set_0d(a, v):
    a[()] = v


def set_through_view(a):
    v = a[::-1]
    v[0] = 100
    return a


def set_complex(a):
    for i in range(a.shape[0]):
        a[i] = complex(i, -i)


def set_int_from_float(a):
    # float values stored into an int array are truncated
    for i in range(a.shape[0]):
        a[i] = i * 1.75


def set_bool(a):
    for i in range(a.shape[0]):
        a[i] = i % 3 == 0


# run: set_one(np.zeros(3), 1, 2.5) == np.array([0.0, 2.5, 0.0], dtype=np.float64) ; arg0 == np.array([0.0, 2.5, 0.0], dtype=np.float64)
# run: set_one(np.zeros(3, dtype=np.int32), -1, 7) == np.array([0, 0, 7], dtype=np.int32)
# run: set_one(np.zeros(3, dtype=np.float32), 0, 0.1) == np.array([0.1, 0.0, 0.0], dtype=np.float32)
# run: set_one(np.zeros((2, 2)), 0, 1.0) == np.array([[1.0, 1.0], [0.0, 0.0]], dtype=np.float64)
# run: set_2d(np.zeros((2, 3)), 1, 2, 5.0) == None ; arg0 == np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 5.0]], dtype=np.float64)
# run: set_2d(np.zeros((2, 3)).T, 2, 1, 5.0) == None ; arg0 == np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 5.0]], dtype=np.float64)
# run: set_2d(np.asfortranarray(np.zeros((2, 3), dtype=np.int32)), -1, -1, 9) == None ; arg0 == np.array([[0, 0, 0], [0, 0, 9]], dtype=np.int32)
# run: set_row(np.zeros((3, 2)), 1, 4.0) == None ; arg0 == np.array([[0.0, 0.0], [4.0, 4.0], [0.0, 0.0]], dtype=np.float64)
# run: set_row(np.zeros((2, 2, 2), dtype=np.int32), 0, 3) == None ; arg0 == np.array([[[3, 3], [3, 3]], [[0, 0], [0, 0]]], dtype=np.int32)
# run: set_row_array(np.zeros((3, 3)), 2, np.array([1.0, 2.0, 3.0])) == None ; arg0 == np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 2.0, 3.0]], dtype=np.float64)
# run: set_row_array(np.zeros((3, 3)), 0, np.array([7.0])) == None ; arg0 == np.array([[7.0, 7.0, 7.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: set_column_array(np.zeros((3, 2), dtype=np.int32), 1, np.array([4, 5, 6], dtype=np.int32)) == None ; arg0 == np.array([[0, 4], [0, 5], [0, 6]], dtype=np.int32)
# run: set_column_array(np.zeros((3, 2)).T, 0, np.array([1.0, 2.0])) == None ; arg0 == np.array([[1.0, 0.0, 0.0], [2.0, 0.0, 0.0]], dtype=np.float64)
# run: set_slice_scalar(np.ones(5)) == np.array([1.0, 0.0, 0.0, 0.0, 1.0], dtype=np.float64)
# run: set_slice_scalar(np.ones((4, 2), dtype=np.int32)) == np.array([[1, 1], [0, 0], [0, 0], [1, 1]], dtype=np.int32)
# run: set_step_slice(np.zeros(5)) == None ; arg0 == np.array([-1.0, 0.0, -1.0, 0.0, -1.0], dtype=np.float64)
# run: set_step_slice(np.zeros((3, 2))) == None ; arg0 == np.array([[-1.0, -1.0], [0.0, 0.0], [-1.0, -1.0]], dtype=np.float64)
# run: set_block(np.zeros((4, 4)), np.array([[1.0, 2.0], [3.0, 4.0]])) == None ; arg0 == np.array([[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 2.0, 0.0], [0.0, 3.0, 4.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float64)
# run: set_block(np.zeros((4, 4)), np.array([9.0, 8.0])) == None ; arg0 == np.array([[0.0, 0.0, 0.0, 0.0], [0.0, 9.0, 8.0, 0.0], [0.0, 9.0, 8.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float64)
# run: set_block(np.zeros((4, 4)), np.array([[1.0, 2.0, 3.0]])) raises ValueError
# run: set_broadcast_row(np.zeros((3, 2)), np.array([1.0, -1.0])) == None ; arg0 == np.array([[1.0, -1.0], [1.0, -1.0], [1.0, -1.0]], dtype=np.float64)
# run: set_broadcast_row(np.zeros((2, 2, 2), dtype=np.complex128), np.array([1j, 2.0])) == None ; arg0 == np.array([[[(0.0+1.0j), (2.0+0.0j)], [(0.0+1.0j), (2.0+0.0j)]], [[(0.0+1.0j), (2.0+0.0j)], [(0.0+1.0j), (2.0+0.0j)]]], dtype=np.complex128)
# run: set_ellipsis(np.zeros((2, 3)), 4.5) == None ; arg0 == np.array([[4.5, 4.5, 4.5], [4.5, 4.5, 4.5]], dtype=np.float64)
# run: set_0d(np.array(1.0), 2.5) == None ; arg0 == np.array(2.5, dtype=np.float64)
# run: set_through_view(np.zeros(4)) == np.array([0.0, 0.0, 0.0, 100.0], dtype=np.float64)
# run: set_complex(np.zeros(3, dtype=np.complex128)) == None ; arg0 == np.array([(0.0+0.0j), (1.0-1.0j), (2.0-2.0j)], dtype=np.complex128)
# run: set_int_from_float(np.zeros(4, dtype=np.int64)) == None ; arg0 == np.array([0, 1, 3, 5], dtype=np.int64)
# run: set_int_from_float(np.zeros(4, dtype=np.int32)) == None ; arg0 == np.array([0, 1, 3, 5], dtype=np.int32)
# run: set_bool(np.zeros(5, dtype=np.bool_)) == None ; arg0 == np.array([True, False, False, True, False], dtype=np.bool_)
# run[boundscheck=True]: set_one(np.zeros(3), 3, 1.0) raises IndexError
# run[boundscheck=True]: set_2d(np.zeros((2, 3)), -3, 0, 1.0) raises IndexError
