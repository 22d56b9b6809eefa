# Array attributes: shape, ndim, size, len, itemsize, nbytes, strides, dtype,
# on 0-d to 3-d arrays of each dtype and layout.
import numpy as np


def shape_of(a):
    return a.shape


def ndim_size(a):
    return (a.ndim, a.size, len(a))


def ndim_size_0d(a):
    return (a.ndim, a.size, a.shape)


def item_bytes(a):
    return (a.itemsize, a.nbytes)


def strides_of(a):
    return a.strides


def count_cells(a):
    # the number of elements, counted the long way
    n = 1
    for d in a.shape:
        n *= d
    return n == a.size


def dtype_is_float(a):
    return a.dtype == np.float64


def same_dtype_zeros(a):
    # a fresh array with the argument's dtype and shape
    return np.zeros(a.shape, dtype=a.dtype)


def rows_cols(a):
    rows, cols = a.shape
    total = 0
    for i in range(rows):
        for j in range(cols):
            total += (i + 1) * (j + 1)
    return total


# run: shape_of(np.arange(6).reshape(2, 3)) == (2, 3)
# run: shape_of(np.arange(24.0).reshape(2, 3, 4).T) == (4, 3, 2)
# run: shape_of(np.array(2.5)) == ()
# run: shape_of(np.zeros((4, 0), dtype=np.int32)) == (4, 0)
# run: shape_of(np.arange(10)[::3]) == (4,)
# run: ndim_size(np.arange(24).reshape(2, 3, 4)) == (3, 24, 2)
# run: ndim_size(np.array([True, False])) == (1, 2, 2)
# run: ndim_size(np.asfortranarray(np.ones((3, 5), dtype=np.complex128))) == (2, 15, 3)
# run: ndim_size_0d(np.array(7)) == (0, 1, ())
# run: item_bytes(np.zeros(5, dtype=np.int32)) == (4, 20)
# run: item_bytes(np.zeros((2, 3), dtype=np.float32)) == (4, 24)
# run: item_bytes(np.ones((2, 2), dtype=np.complex128)) == (16, 64)
# run: item_bytes(np.array([True, False, True])) == (1, 3)
# run: item_bytes(np.arange(20.0)[::4]) == (8, 40)
# run: item_bytes(np.array(1.0)) == (8, 8)
# run: strides_of(np.zeros((2, 3))) == (24, 8)
# run: strides_of(np.zeros((2, 3)).T) == (8, 24)
# run: strides_of(np.asfortranarray(np.zeros((2, 3), dtype=np.int32))) == (4, 8)
# run: strides_of(np.arange(24).reshape(2, 3, 4)[:, ::2, ::-1]) == (96, 64, -8)
# run: strides_of(np.array(3.0)) == ()
# run: count_cells(np.arange(60).reshape(3, 4, 5)) == True
# run: count_cells(np.zeros((3, 0))) == True
# Numba cannot compare a dtype with a scalar type (TypingError: eq(dtype(float64), class(float64)))
# run[numjit-only]: dtype_is_float(np.zeros(2)) == True
# run[numjit-only]: dtype_is_float(np.zeros(2, dtype=np.float32)) == False
# run: same_dtype_zeros(np.arange(4, dtype=np.int32).reshape(2, 2)) == np.array([[0, 0], [0, 0]], dtype=np.int32)
# run: same_dtype_zeros(np.array([1+1j])) == np.array([(0.0+0.0j)], dtype=np.complex128)
# run: rows_cols(np.zeros((3, 4))) == 60
# run: rows_cols(np.zeros((3, 4)).T) == 60


def dtype_matches(a, b):
    return (a.dtype == b.dtype, a.dtype != b.dtype, a.dtype == np.int32, np.complex128 == a.dtype)


# Numba cannot compare dtypes with scalar types (TypingError), see dtype_is_float above
# run[numjit-only]: dtype_matches(np.zeros(2), np.ones((2, 2))) == (True, False, False, False)
# run[numjit-only]: dtype_matches(np.zeros(2, dtype=np.int32), np.zeros(2)) == (False, True, True, False)
# run[numjit-only]: dtype_matches(np.array([1j]), readonly(np.array([2j]))) == (True, False, False, True)
