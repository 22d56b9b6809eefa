# Matrix helpers: np.diag (1-d to 2-d and back, with k), np.tri, np.tril, np.triu,
# np.fill_diagonal (scalars and arrays, wrap), np.vander, np.kron, np.vdot.
# np.diag of a 2-d array is a copy here, as in Numba (NumPy gives a read-only view).
import numpy as np


def diag(v):
    return np.diag(v)


def diag_k(v, k):
    return np.diag(v, k)


def tri(n):
    return np.tri(n)


def tri_mk(n, m, k):
    return np.tri(n, m, k)


def tril(a):
    return np.tril(a)


def tril_k(a, k):
    return np.tril(a, k)


def triu_k(a, k):
    return np.triu(a, k=k)


def fill_diag(a, val):
    np.fill_diagonal(a, val)
    return a


def fill_diag_wrap(a, val):
    np.fill_diagonal(a, val, wrap=True)
    return a


def vander(x):
    return np.vander(x)


def vander_n(x, n):
    return np.vander(x, n)


def vander_inc(x, n):
    return np.vander(x, n, increasing=True)


def kron(a, b):
    return np.kron(a, b)


def vdot(a, b):
    return np.vdot(a, b)


# run: diag(np.arange(3)) == np.array([[0, 0, 0], [0, 1, 0], [0, 0, 2]], dtype=np.int64)
# run: diag(np.array([1.5, -2.0], dtype=np.float32)) == np.array([[1.5, 0.0], [0.0, -2.0]], dtype=np.float32)
# run: diag(np.array([1 + 1j, 2j])) == np.array([[(1.0+1.0j), (0.0+0.0j)], [(0.0+0.0j), (0.0+2.0j)]], dtype=np.complex128)
# run: diag(np.array([True, False])) == np.array([[True, False], [False, False]], dtype=np.bool_)
# run: diag(np.array([], dtype=np.int32)) == np.array([], dtype=np.int32).reshape((0, 0))
# run: diag(np.arange(12).reshape(3, 4)) == np.array([0, 5, 10], dtype=np.int64)
# run: diag(np.arange(12.0).reshape(4, 3).T) == np.array([0.0, 4.0, 8.0], dtype=np.float64)
# run: diag(np.arange(12).reshape(3, 4)[::2, ::-1]) == np.array([3, 10], dtype=np.int64)
# run: diag_k(np.arange(1, 3), 1) == np.array([[0, 1, 0], [0, 0, 2], [0, 0, 0]], dtype=np.int64)
# run: diag_k(np.arange(1, 3), -2) == np.array([[0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 2, 0, 0]], dtype=np.int64)
# run: diag_k(np.arange(12).reshape(3, 4), 1) == np.array([1, 6, 11], dtype=np.int64)
# run: diag_k(np.arange(12).reshape(3, 4), -2) == np.array([8], dtype=np.int64)
# run: diag_k(np.arange(12).reshape(3, 4), 5) == np.array([], dtype=np.int64)
# run: diag_k(np.arange(12).reshape(3, 4), -9) == np.array([], dtype=np.int64)
# compile-error: [invalid-operand] diag(np.zeros((2, 2, 2)))
# compile-error: [invalid-operand] diag(np.array(1.0))
# run: tri(3) == np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0]], dtype=np.float64)
# run: tri(0) == np.array([], dtype=np.float64).reshape((0, 0))
# run: tri_mk(3, 4, 1) == np.array([[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]], dtype=np.float64)
# run: tri_mk(2, 3, -1) == np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float64)
# run: tri_mk(-1, 2, 0) == np.array([], dtype=np.float64).reshape((0, 2))
# run: tril(np.arange(1, 13).reshape(3, 4)) == np.array([[1, 0, 0, 0], [5, 6, 0, 0], [9, 10, 11, 0]], dtype=np.int64)
# run: tril_k(np.arange(1, 13).reshape(3, 4), 1) == np.array([[1, 2, 0, 0], [5, 6, 7, 0], [9, 10, 11, 12]], dtype=np.int64)
# run: tril_k(np.arange(1.0, 13.0).reshape(3, 4).T, -1) == np.array([[0.0, 0.0, 0.0], [2.0, 0.0, 0.0], [3.0, 7.0, 0.0], [4.0, 8.0, 12.0]], dtype=np.float64)
# run: tril_k(np.arange(12, dtype=np.int32).reshape(2, 2, 3), 0) == np.array([[[0, 0, 0], [3, 4, 0]], [[6, 0, 0], [9, 10, 0]]], dtype=np.int32)
# run: tril_k(np.array([[1 + 1j, 2], [3, 4j]]), 0) == np.array([[(1.0+1.0j), (0.0+0.0j)], [(3.0+0.0j), (0.0+4.0j)]], dtype=np.complex128)
# run: tril_k(np.array([[True, True], [True, True]]), 0) == np.array([[True, False], [True, True]], dtype=np.bool_)
# run: triu_k(np.arange(1, 13).reshape(3, 4), -1) == np.array([[1, 2, 3, 4], [5, 6, 7, 8], [0, 10, 11, 12]], dtype=np.int64)
# run: triu_k(np.arange(1.0, 10.0).reshape(3, 3)[::-1], 1) == np.array([[0.0, 8.0, 9.0], [0.0, 0.0, 6.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: triu_k(np.asfortranarray(np.arange(6.0).reshape(2, 3)), 0) == np.array([[0.0, 1.0, 2.0], [0.0, 4.0, 5.0]], dtype=np.float64)
# run: triu_k(np.arange(12).reshape(3, 4), 10) == np.array([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], dtype=np.int64)
# run: fill_diag(np.zeros((3, 4)), 5.0) == np.array([[5.0, 0.0, 0.0, 0.0], [0.0, 5.0, 0.0, 0.0], [0.0, 0.0, 5.0, 0.0]], dtype=np.float64)
# run: fill_diag(np.zeros((5, 3)), 5.0) == np.array([[5.0, 0.0, 0.0], [0.0, 5.0, 0.0], [0.0, 0.0, 5.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: fill_diag(np.zeros((3, 3), dtype=np.int32), np.array([1, 2])) == np.array([[1, 0, 0], [0, 2, 0], [0, 0, 1]], dtype=np.int32)
# run: fill_diag(np.zeros((3, 3), dtype=np.int64), 2.7) == np.array([[2, 0, 0], [0, 2, 0], [0, 0, 2]], dtype=np.int64)
# run: fill_diag(np.zeros((2, 2, 2)), 1.0) == np.array([[[1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 1.0]]], dtype=np.float64)
# run: fill_diag(np.zeros((2, 3, 2)), 1.0) raises ValueError: All dimensions of input must be of equal length
# run: fill_diag(np.zeros((4, 4)).T, np.array([[1.0, 2.0], [3.0, 4.0]])) == np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 3.0, 0.0], [0.0, 0.0, 0.0, 4.0]], dtype=np.float64)
# run[numjit-only]: fill_diag(np.zeros((3, 3), dtype=np.complex128), 1j) == np.array([[(0.0+1.0j), (0.0+0.0j), (0.0+0.0j)], [(0.0+0.0j), (0.0+1.0j), (0.0+0.0j)], [(0.0+0.0j), (0.0+0.0j), (0.0+1.0j)]], dtype=np.complex128)
# run: fill_diag_wrap(np.zeros((7, 3)), 1.0) == np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float64)
# run: fill_diag_wrap(np.zeros((3, 5)), 2.0) == np.array([[2.0, 0.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0, 0.0]], dtype=np.float64)
# compile-error[numjit-only]: [readonly-array] fill_diag(readonly(np.zeros((2, 2))), 1.0)
# compile-error: [invalid-operand] fill_diag(np.zeros(3), 1.0)
# run: vander(np.array([1.0, 2.0, 3.0, 5.0])) == np.array([[1.0, 1.0, 1.0, 1.0], [8.0, 4.0, 2.0, 1.0], [27.0, 9.0, 3.0, 1.0], [125.0, 25.0, 5.0, 1.0]], dtype=np.float64)
# run: vander(np.array([1, 2, 3], dtype=np.int32)) == np.array([[1, 1, 1], [4, 2, 1], [9, 3, 1]], dtype=np.int64)
# run: vander(np.array([1j, 2])) == np.array([[(0.0+1.0j), (1.0+0.0j)], [(2.0+0.0j), (1.0+0.0j)]], dtype=np.complex128)
# run: vander_n(np.array([1.0, 2.0, 3.0, 5.0]), 3) == np.array([[1.0, 1.0, 1.0], [4.0, 2.0, 1.0], [9.0, 3.0, 1.0], [25.0, 5.0, 1.0]], dtype=np.float64)
# run: vander_n(np.array([2.0, 3.0]), 0) == np.array([[], []], dtype=np.float64).reshape((2, 0))
# run: vander_inc(np.array([1, 2, 3]), 4) == np.array([[1, 1, 1, 1], [1, 2, 4, 8], [1, 3, 9, 27]], dtype=np.int64)
# run: vander_inc(np.arange(6.0)[::2], 2) == np.array([[1.0, 0.0], [1.0, 2.0], [1.0, 4.0]], dtype=np.float64)
# run: kron(np.eye(2), np.arange(4.0).reshape(2, 2)) == np.array([[0.0, 1.0, 0.0, 0.0], [2.0, 3.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 2.0, 3.0]], dtype=np.float64)
# run: kron(np.arange(3), np.array([1, 10])) == np.array([0, 0, 1, 10, 2, 20], dtype=np.int64)
# run[numjit-only]: kron(np.array([1, 2], dtype=np.int32), np.array([[1.0, 2.0], [3.0, 4.0]])) == np.array([[1.0, 2.0, 2.0, 4.0], [3.0, 4.0, 6.0, 8.0]], dtype=np.float64)
# run: kron(np.arange(6).reshape(2, 3).T, np.array([[1], [-1]])) == np.array([[0, 3], [0, -3], [1, 4], [-1, -4], [2, 5], [-2, -5]], dtype=np.int64)
# run: kron(np.array([1j, 2]), np.array([1j])) == np.array([(-1.0+0.0j), (0.0+2.0j)], dtype=np.complex128)
# run[numjit-only]: vdot(np.array([1 + 2j, 3j]), np.array([2 - 1j, 1 + 1j])) == (3.0-8.0j)
# run[numjit-only]: vdot(np.arange(4.0).reshape(2, 2), np.arange(4.0).reshape(2, 2).T) == 13.0
# run[numjit-only]: vdot(np.arange(3, dtype=np.int32), np.array([1.5, 2.0, 0.5])) == 3.0
# run[numjit-only]: vdot(np.arange(3), np.arange(4)) raises ValueError
