# np.array from tuples, nested tuples and lists of scalars; np.copy,
# np.asarray, np.ascontiguousarray.
import numpy as np


def from_tuple(a, b, c):
    return np.array((a, b, c))


def from_nested(a, b):
    return np.array(((a, b), (b, a)))


def from_list(x):
    return np.array([x, 2 * x, 3 * x])


def from_list_dtype(x):
    return np.array([x, x + 1], dtype=np.float32)


def from_nested_list():
    return np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])


def from_bools():
    return np.array([True, False, True])


def from_complex():
    return np.array([1j, 2.0 + 0j])


def mixed_promotes(i, f):
    return np.array([i, f])


def copy_of(a):
    b = np.copy(a)
    b[0] = -9
    return b


def asarray_same(a):
    return np.asarray(a)


def asarray_tuple():
    return np.asarray((1.5, 2.5))


def contiguous(a):
    c = np.ascontiguousarray(a)
    return (c, c.strides)


def polynomial(coeffs, x):
    # Horner on a coefficient array built from a tuple
    c = np.array(coeffs)
    r = 0.0
    for i in range(c.shape[0]):
        r = r * x + c[i]
    return r


# run: from_tuple(1, 2, 3) == np.array([1, 2, 3], dtype=np.int64)
# run: from_tuple(1.5, 2.0, -1.0) == np.array([1.5, 2.0, -1.0], dtype=np.float64)
# run: from_tuple(True, False, True) == np.array([True, False, True], dtype=np.bool_)
# run: from_nested(1, 2) == np.array([[1, 2], [2, 1]], dtype=np.int64)
# run: from_nested(0.5, 2.0) == np.array([[0.5, 2.0], [2.0, 0.5]], dtype=np.float64)
# run: from_list(1.5) == np.array([1.5, 3.0, 4.5], dtype=np.float64)
# run: from_list(4) == np.array([4, 8, 12], dtype=np.int64)
# run: from_list(1j) == np.array([(0.0+1.0j), (0.0+2.0j), (0.0+3.0j)], dtype=np.complex128)
# run: from_list_dtype(0.5) == np.array([0.5, 1.5], dtype=np.float32)
# run: from_nested_list() == np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=np.float64)
# run: from_bools() == np.array([True, False, True], dtype=np.bool_)
# run: from_complex() == np.array([(0.0+1.0j), (2.0+0.0j)], dtype=np.complex128)
# run: mixed_promotes(1, 2.5) == np.array([1.0, 2.5], dtype=np.float64)
# run: copy_of(np.arange(3)) == np.array([-9, 1, 2], dtype=np.int64) ; arg0 == np.array([0, 1, 2], dtype=np.int64) ; not view of arg0
# run: copy_of(np.arange(6.0).reshape(2, 3).T) == np.array([[-9.0, -9.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64)
# run: asarray_same(np.arange(3.0)) == np.array([0.0, 1.0, 2.0], dtype=np.float64) ; view of arg0
# run: asarray_tuple() == np.array([1.5, 2.5], dtype=np.float64)
# run: contiguous(np.arange(6.0).reshape(2, 3).T) == (np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64), (16, 8))
# run: contiguous(np.arange(10, dtype=np.int32)[::3]) == (np.array([0, 3, 6, 9], dtype=np.int32), (4,))
# run: contiguous(np.arange(4)) == (np.array([0, 1, 2, 3], dtype=np.int64), (8,))
# run: polynomial((1.0, -3.0, 2.0), 2.0) == 0.0
# run: polynomial((2, 0, 1), 3.0) == 19.0
