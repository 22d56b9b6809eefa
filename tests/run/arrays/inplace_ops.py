# In-place operators on arrays and slices of them (a += b, a[1:] *= 2), with
# broadcasting of the right-hand side; the argument is mutated.
import numpy as np


def iadd(a, b):
    a += b
    return a


def imul_tail(a):
    a[1:] *= 2
    return a


def isub_rows(a, r):
    a -= r


def itruediv(a, b):
    a /= b


def ifloordiv_mod(a):
    b = a.copy()
    a //= 3
    b %= 3
    return b


def ipow(a):
    a **= 2


def ibits(a):
    a &= 6
    a |= 1
    a ^= 8
    a <<= 1
    a >>= 2
    return a


def decay(a, steps):
    for _ in range(steps):
        a *= 0.5
        a[0] += 1.0
    return a


def add_outer(a, x, y):
    # a[i, j] += x[i] * y[j]
    a += x[:, None] * y[None, :]


def column_update(a):
    a[:, 0] += a[:, -1]


def iadd_through_transpose(a):
    t = a.T
    t += 1
    return a


# run: iadd(np.zeros(3), np.array([1.0, 2.0, 3.0])) == np.array([1.0, 2.0, 3.0], dtype=np.float64) ; arg0 == np.array([1.0, 2.0, 3.0], dtype=np.float64) ; view of arg0
# run: iadd(np.zeros((2, 3)), np.array([1.0, 2.0, 3.0])) == np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype=np.float64) ; arg0 == np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype=np.float64)
# run: iadd(np.zeros((2, 3), dtype=np.int32), 5) == np.array([[5, 5, 5], [5, 5, 5]], dtype=np.int32)
# run: iadd(np.zeros(2, dtype=np.complex128), np.array([1j, 2.0])) == np.array([(0.0+1.0j), (2.0+0.0j)], dtype=np.complex128)
# Numba does not check the shapes of in-place broadcasting (it reads past the operand)
# run[numjit-only]: iadd(np.zeros(3), np.array([1.0, 2.0])) raises ValueError
# run[numjit-only]: iadd(np.zeros(3), np.zeros((2, 3))) raises ValueError
# run: imul_tail(np.ones(4)) == np.array([1.0, 2.0, 2.0, 2.0], dtype=np.float64)
# run: imul_tail(np.ones((3, 2), dtype=np.int32)) == np.array([[1, 1], [2, 2], [2, 2]], dtype=np.int32)
# run: isub_rows(np.arange(6.0).reshape(2, 3), np.array([1.0, 1.0, 1.0])) == None ; arg0 == np.array([[-1.0, 0.0, 1.0], [2.0, 3.0, 4.0]], dtype=np.float64)
# run: isub_rows(np.arange(6.0).reshape(2, 3).T, np.array([1.0, 2.0])) == None ; arg0 == np.array([[-1.0, 1.0], [0.0, 2.0], [1.0, 3.0]], dtype=np.float64)
# run: itruediv(np.array([1.0, 2.0, 3.0]), 2.0) == None ; arg0 == np.array([0.5, 1.0, 1.5], dtype=np.float64)
# run: itruediv(np.array([1.0, 2.0], dtype=np.float32), np.array([4.0, 0.0], dtype=np.float32)) == None ; arg0 == np.array([0.25, inf], dtype=np.float32)
# run: ifloordiv_mod(np.array([7, -7, 8])) == np.array([1, 2, 2], dtype=np.int64) ; arg0 == np.array([2, -3, 2], dtype=np.int64)
# run: ipow(np.array([1.5, -2.0])) == None ; arg0 == np.array([2.25, 4.0], dtype=np.float64)
# run: ipow(np.arange(4, dtype=np.int32)) == None ; arg0 == np.array([0, 1, 4, 9], dtype=np.int32)
# run: ibits(np.arange(8)) == np.array([4, 4, 5, 5, 6, 6, 7, 7], dtype=np.int64)
# run: ibits(np.arange(8, dtype=np.int32)[::-1]) == np.array([7, 7, 6, 6, 5, 5, 4, 4], dtype=np.int32)
# run: decay(np.zeros(3), 4) == np.array([1.875, 0.0, 0.0], dtype=np.float64)
# run: add_outer(np.zeros((2, 3)), np.array([1.0, 2.0]), np.array([1.0, 0.0, -1.0])) == None ; arg0 == np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0]], dtype=np.float64)
# run: column_update(np.arange(9.0).reshape(3, 3)) == None ; arg0 == np.array([[2.0, 1.0, 2.0], [8.0, 4.0, 5.0], [14.0, 7.0, 8.0]], dtype=np.float64)
# run: column_update(np.asfortranarray(np.arange(9).reshape(3, 3))) == None ; arg0 == np.array([[2, 1, 2], [8, 4, 5], [14, 7, 8]], dtype=np.int64)
# run: iadd_through_transpose(np.zeros((2, 3))) == np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], dtype=np.float64)


def isub_broadcast(a, b):
    a -= b
    return a


# Numba does not check that b broadcasts to a's shape (reads past b); NumPy raises
# run[numjit-only]: isub_broadcast(np.zeros(3), np.zeros((1, 3))) raises ValueError: non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (1,3)
# run[numjit-only]: isub_broadcast(np.zeros((2, 3), dtype=np.int32), np.ones((4, 1, 3), dtype=np.int32)) raises ValueError: non-broadcastable output operand with shape (2,3) doesn't match the broadcast shape (4,2,3)
# run[numjit-only]: isub_broadcast(np.zeros(3), np.zeros((2, 4))) raises ValueError
# run[numjit-only]: isub_broadcast(np.array(1.5), np.ones(1)) raises ValueError: non-broadcastable output operand with shape () doesn't match the broadcast shape (1,)
