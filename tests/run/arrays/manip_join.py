# np.concatenate, np.stack, np.hstack, np.vstack.
import numpy as np


def cat2(a, b):
    return np.concatenate((a, b))


def cat_axis1(a, b):
    return np.concatenate((a, b), axis=1)


def cat3(a, b, c):
    return np.concatenate((a, b, c))


def stack0(a, b):
    return np.stack((a, b))


def stack_axis1(a, b):
    return np.stack((a, b), axis=1)


def hcat(a, b):
    return np.hstack((a, b))


def vcat(a, b):
    return np.vstack((a, b))


def build_table(n):
    # columns x, x**2, x**3 as a 2-D array
    x = np.arange(1.0, n + 1.0)
    return np.stack((x, x * x, x * x * x), axis=1)


def pad_with_zeros(a, k):
    z = np.zeros(k, dtype=a.dtype)
    return np.concatenate((z, a, z))


# run: cat2(np.arange(3), np.arange(10, 12)) == np.array([0, 1, 2, 10, 11], dtype=np.int64)
# run: cat2(np.arange(3.0), np.arange(2, dtype=np.int32)) == np.array([0.0, 1.0, 2.0, 0.0, 1.0], dtype=np.float64)
# run: cat2(np.arange(6).reshape(2, 3), np.arange(3).reshape(1, 3)) == np.array([[0, 1, 2], [3, 4, 5], [0, 1, 2]], dtype=np.int64)
# run: cat2(np.arange(6.0).reshape(3, 2).T, np.ones((1, 3))) == np.array([[0.0, 2.0, 4.0], [1.0, 3.0, 5.0], [1.0, 1.0, 1.0]], dtype=np.float64)
# run: cat2(np.array([True]), np.array([False, True])) == np.array([True, False, True], dtype=np.bool_)
# arrays of different ndim: the types decide
# compile-error: [type-mismatch] cat2(np.arange(3), np.arange(4).reshape(2, 2))
# run: cat_axis1(np.arange(4).reshape(2, 2), np.arange(6).reshape(2, 3)) == np.array([[0, 1, 0, 1, 2], [2, 3, 3, 4, 5]], dtype=np.int64)
# run: cat_axis1(np.arange(4).reshape(2, 2), np.arange(6).reshape(3, 2)) raises ValueError
# run: cat3(np.array([1j]), np.array([2.0]), np.array([3], dtype=np.int32)) == np.array([(0.0+1.0j), (2.0+0.0j), (3.0+0.0j)], dtype=np.complex128)
# run: stack0(np.arange(3), np.arange(3, 6)) == np.array([[0, 1, 2], [3, 4, 5]], dtype=np.int64)
# run: stack0(np.arange(4.0).reshape(2, 2), np.eye(2)) == np.array([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 0.0], [0.0, 1.0]]], dtype=np.float64)
# run: stack0(np.arange(3), np.arange(4)) raises ValueError
# run: stack_axis1(np.array([1.0, 2.0]), np.array([3.0, 4.0])) == np.array([[1.0, 3.0], [2.0, 4.0]], dtype=np.float64)
# run: hcat(np.arange(2), np.arange(3)) == np.array([0, 1, 0, 1, 2], dtype=np.int64)
# run: hcat(np.ones((2, 1)), np.zeros((2, 2))) == np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float64)
# run: vcat(np.arange(3), np.arange(3, 6)) == np.array([[0, 1, 2], [3, 4, 5]], dtype=np.int64)
# run: vcat(np.ones((1, 2), dtype=np.float32), np.zeros((2, 2), dtype=np.float32)) == np.array([[1.0, 1.0], [0.0, 0.0], [0.0, 0.0]], dtype=np.float32)
# run: build_table(3) == np.array([[1.0, 1.0, 1.0], [2.0, 4.0, 8.0], [3.0, 9.0, 27.0]], dtype=np.float64)
# run: pad_with_zeros(np.array([5, 6], dtype=np.int32), 2) == np.array([0, 0, 5, 6, 0, 0], dtype=np.int32)
