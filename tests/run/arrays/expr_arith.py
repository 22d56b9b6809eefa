# Array expressions with operators: broadcasting, type promotion between
# array dtypes, mixing with scalars of the same kind.
import numpy as np


def axpy(a, x, y):
    return a * x + y


def poly2(x):
    return 3.0 * x * x - 2.0 * x + 1.0


def combine(a, b, c):
    return a * b + np.sqrt(c)


def ratio(a, b):
    return a / b


def floor_quot(a, b):
    return (a // b, a % b)


def powers(a):
    return a ** 2


def neg_abs(a):
    return -np.abs(a)


def compare_ops(a, b):
    return (a < b, a == b, a >= b)


def bit_ops(a, b):
    return (a & b, a | b, a ^ b, ~a)


def shifts(a):
    return (a << 2, a >> 1)


def logical_mask(a):
    return (a > 1) & (a < 4)


def broadcast_add(a, b):
    return a + b


def centered(a):
    return a - a.mean()


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def complex_ops(z, w):
    return z * w - z / w


def bool_arith(a, b):
    return a + b


# run: axpy(2.0, np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.5, 0.5])) == np.array([2.5, 4.5, 6.5], dtype=np.float64)
# run: axpy(np.array([1.0, 2.0]), np.arange(4.0).reshape(2, 2), 1.0) == np.array([[1.0, 3.0], [3.0, 7.0]], dtype=np.float64)
# run: axpy(3, np.arange(4).reshape(2, 2).T, np.array([10, 20])) == np.array([[10, 26], [13, 29]], dtype=np.int64)
# run: poly2(np.linspace(-1, 1, 5)) == np.array([6.0, 2.75, 1.0, 0.75, 2.0], dtype=np.float64)
# run: poly2(np.arange(6.0).reshape(2, 3)[:, ::2]) == np.array([[1.0, 9.0], [22.0, 66.0]], dtype=np.float64)
# run: combine(np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([4.0, 9.0])) == np.array([5.0, 11.0], dtype=np.float64)
# run: combine(np.arange(3), np.arange(3), np.arange(3)) ~= np.array([0.0, 2.0, 5.414213562373095], dtype=np.float64)
# run: ratio(np.array([1, 2, 3]), np.array([2, 4, 8])) == np.array([0.5, 0.5, 0.375], dtype=np.float64)
# run: ratio(np.array([1.0, -1.0, 0.0]), np.array([0.0, 0.0, 0.0])) == np.array([inf, -inf, nan], dtype=np.float64)
# run: ratio(np.array([1.5], dtype=np.float32), np.array([0.5], dtype=np.float32)) == np.array([3.0], dtype=np.float32)
# run: floor_quot(np.array([7, -7, 7, -7]), np.array([2, 2, -2, -2])) == (np.array([3, -4, -4, 3], dtype=np.int64), np.array([1, 1, -1, -1], dtype=np.int64))
# run: floor_quot(np.array([7.5, -7.5]), np.array([2.0, 2.0])) == (np.array([3.0, -4.0], dtype=np.float64), np.array([1.5, 0.5], dtype=np.float64))
# run: floor_quot(np.array([5, 5], dtype=np.int32), np.array([0, 3], dtype=np.int32)) == (np.array([0, 1], dtype=np.int32), np.array([0, 2], dtype=np.int32))
# int32 array ** Python int: Numba promotes to int64 (see expr_scalar_promotion.py)
# run[numba-semantics]: powers(np.arange(4, dtype=np.int32)) == np.array([0, 1, 4, 9], dtype=np.int64)
# run: powers(np.array([1.5, -2.0])) == np.array([2.25, 4.0], dtype=np.float64)
# run: powers(np.array([1j, 1 + 1j])) == np.array([(-1.0+0.0j), (0.0+2.0j)], dtype=np.complex128)
# run: neg_abs(np.array([-1.5, 2.0, -0.0])) == np.array([-1.5, -2.0, -0.0], dtype=np.float64)
# run: neg_abs(np.array([3 + 4j])) == np.array([-5.0], dtype=np.float64)
# run: compare_ops(np.array([1.0, 2.0, nan]), np.array([2.0, 2.0, nan])) == (np.array([True, False, False], dtype=np.bool_), np.array([False, True, False], dtype=np.bool_), np.array([False, True, False], dtype=np.bool_))
# run: compare_ops(np.arange(4).reshape(2, 2), np.array([1, 1])) == (np.array([[True, False], [False, False]], dtype=np.bool_), np.array([[False, True], [False, False]], dtype=np.bool_), np.array([[False, True], [True, True]], dtype=np.bool_))
# run: bit_ops(np.array([12, 10], dtype=np.int32), np.array([10, 6], dtype=np.int32)) == (np.array([8, 2], dtype=np.int32), np.array([14, 14], dtype=np.int32), np.array([6, 12], dtype=np.int32), np.array([-13, -11], dtype=np.int32))
# run: bit_ops(np.array([True, False]), np.array([True, True])) == (np.array([True, False], dtype=np.bool_), np.array([True, True], dtype=np.bool_), np.array([False, True], dtype=np.bool_), np.array([False, True], dtype=np.bool_))
# run: shifts(np.array([1, -16, 5])) == (np.array([4, -64, 20], dtype=np.int64), np.array([0, -8, 2], dtype=np.int64))
# run: logical_mask(np.arange(6)) == np.array([False, False, True, True, False, False], dtype=np.bool_)
# run: broadcast_add(np.arange(3).reshape(3, 1), np.arange(4)) == np.array([[0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5]], dtype=np.int64)
# run: broadcast_add(np.arange(24.0).reshape(2, 3, 4), np.arange(3.0).reshape(3, 1)) == np.array([[[0.0, 1.0, 2.0, 3.0], [5.0, 6.0, 7.0, 8.0], [10.0, 11.0, 12.0, 13.0]], [[12.0, 13.0, 14.0, 15.0], [17.0, 18.0, 19.0, 20.0], [22.0, 23.0, 24.0, 25.0]]], dtype=np.float64)
# run: broadcast_add(np.arange(6.0).reshape(2, 3).T, np.array(10.0)) == np.array([[10.0, 13.0], [11.0, 14.0], [12.0, 15.0]], dtype=np.float64)
# run: broadcast_add(np.array(1.5), np.array(2.5)) == 4.0
# run: broadcast_add(np.arange(3, dtype=np.int32), np.arange(3)) == np.array([0, 2, 4], dtype=np.int64)
# Numba promotes int32/int64 with float32 to float32; NumPy to float64
# run[numjit-only]: broadcast_add(np.arange(3, dtype=np.int32), np.arange(3.0, dtype=np.float32)) == np.array([0.0, 2.0, 4.0], dtype=np.float64)
# run: broadcast_add(np.arange(3.0, dtype=np.float32), np.arange(3.0)) == np.array([0.0, 2.0, 4.0], dtype=np.float64)
# run: broadcast_add(np.array([True, False]), np.array([1, 2], dtype=np.int32)) == np.array([2, 2], dtype=np.int32)
# run: broadcast_add(np.array([1j, 2j]), np.array([1.0, 2.0], dtype=np.float32)) == np.array([(1.0+1.0j), (2.0+2.0j)], dtype=np.complex128)
# run: broadcast_add(np.zeros((0, 3)), np.ones(3)) == np.array([], dtype=np.float64).reshape((0, 3))
# run: broadcast_add(np.arange(3), np.arange(4)) raises ValueError
# run: broadcast_add(np.zeros((2, 3)), np.zeros((3, 2))) raises ValueError
# run: centered(np.array([1.0, 2.0, 6.0])) == np.array([-2.0, -1.0, 3.0], dtype=np.float64)
# run: centered(np.arange(4).reshape(2, 2)) == np.array([[-1.5, -0.5], [0.5, 1.5]], dtype=np.float64)
# run: softmax(np.array([1.0, 2.0, 3.0])) ~= np.array([0.09003057317038046, 0.24472847105479764, 0.6652409557748218], dtype=np.float64)
# run: softmax(np.array([1000.0, 1000.0])) == np.array([0.5, 0.5], dtype=np.float64)
# run: complex_ops(np.array([1 + 2j, 3j]), np.array([2.0, 1 - 1j])) ~= np.array([(1.5+3.0j), (4.5+1.5j)], dtype=np.complex128)
# run: bool_arith(np.array([True, False]), np.array([True, True])) == np.array([True, True], dtype=np.bool_)
