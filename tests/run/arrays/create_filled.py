# np.empty/zeros/ones/full and their _like forms: shape ints and tuples,
# dtype=, default dtypes.  np.empty is filled before it is read.
import numpy as np


def zeros_n(n):
    return np.zeros(n)


def zeros_shape(r, c):
    return np.zeros((r, c))


def zeros_int32(n):
    return np.zeros(n, dtype=np.int32)


def ones_3d(a, b, c):
    return np.ones((a, b, c), dtype=np.int64)


def ones_complex(n):
    return np.ones(n, np.complex128)


def ones_bool(n):
    return np.ones((n, 2), dtype=np.bool_)


def full_float(n, v):
    return np.full(n, v)


def full_int(r, c, v):
    return np.full((r, c), v)


def full_dtype(n):
    return np.full(n, 2.75, dtype=np.float32)


def empty_then_fill(n):
    a = np.empty(n)
    for i in range(n):
        a[i] = i * i
    return a


def empty_2d_int(r, c):
    a = np.empty((r, c), dtype=np.int32)
    for i in range(r):
        for j in range(c):
            a[i, j] = i - j
    return a


def zeros_like_of(a):
    return np.zeros_like(a)


def ones_like_of(a):
    return np.ones_like(a)


def full_like_of(a, v):
    return np.full_like(a, v)


def empty_like_filled(a):
    b = np.empty_like(a)
    b[...] = 3
    return b


def zero_dim():
    return np.zeros(())


def accumulate_grid(n):
    g = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            g[i, j] = 1.0 / (i + j + 1)
    return g


# run: zeros_n(3) == np.array([0.0, 0.0, 0.0], dtype=np.float64)
# run: zeros_n(0) == np.array([], dtype=np.float64)
# run: zeros_shape(2, 3) == np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: zeros_shape(0, 2) == np.array([], dtype=np.float64).reshape((0, 2))
# run: zeros_int32(4) == np.array([0, 0, 0, 0], dtype=np.int32)
# run: ones_3d(2, 1, 3) == np.array([[[1, 1, 1]], [[1, 1, 1]]], dtype=np.int64)
# run: ones_complex(2) == np.array([(1.0+0.0j), (1.0+0.0j)], dtype=np.complex128)
# run: ones_bool(2) == np.array([[True, True], [True, True]], dtype=np.bool_)
# run: full_float(3, 2.5) == np.array([2.5, 2.5, 2.5], dtype=np.float64)
# run: full_float(2, nan) == np.array([nan, nan], dtype=np.float64)
# run: full_int(2, 2, 7) == np.array([[7, 7], [7, 7]], dtype=np.int64)
# run: full_int(1, 3, True) == np.array([[True, True, True]], dtype=np.bool_)
# run: full_dtype(3) == np.array([2.75, 2.75, 2.75], dtype=np.float32)
# run: empty_then_fill(5) == np.array([0.0, 1.0, 4.0, 9.0, 16.0], dtype=np.float64)
# run: empty_2d_int(2, 3) == np.array([[0, -1, -2], [1, 0, -1]], dtype=np.int32)
# run: zeros_like_of(np.arange(6, dtype=np.int32).reshape(2, 3)) == np.array([[0, 0, 0], [0, 0, 0]], dtype=np.int32)
# run: zeros_like_of(np.array([1j])) == np.array([(0.0+0.0j)], dtype=np.complex128)
# run: ones_like_of(np.arange(6.0).reshape(3, 2).T) == np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], dtype=np.float64)
# run: ones_like_of(np.array([True, False])) == np.array([True, True], dtype=np.bool_)
# run: full_like_of(np.arange(4.0), 0.5) == np.array([0.5, 0.5, 0.5, 0.5], dtype=np.float64)
# run: full_like_of(np.arange(4), 2.9) == np.array([2, 2, 2, 2], dtype=np.int64)
# run: full_like_of(np.zeros((2, 2), dtype=np.float32), 1.5) == np.array([[1.5, 1.5], [1.5, 1.5]], dtype=np.float32)
# run: empty_like_filled(np.zeros((2, 2, 2))) == np.array([[[3.0, 3.0], [3.0, 3.0]], [[3.0, 3.0], [3.0, 3.0]]], dtype=np.float64)
# run: zero_dim() == np.array(0.0, dtype=np.float64)
# run: accumulate_grid(3) == np.array([[1.0, 0.5, 0.3333333333333333], [0.5, 0.3333333333333333, 0.25], [0.3333333333333333, 0.25, 0.2]], dtype=np.float64)
# run: zeros_n(-1) raises ValueError
