# np.dot and the @ operator for 1-D and 2-D operands, and the loop that
# computes the same product by hand.
import numpy as np


def dot(a, b):
    return np.dot(a, b)


def matmul(a, b):
    return a @ b


def matmul_loops(a, b):
    n, k = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for p in range(k):
                s += a[i, p] * b[p, j]
            c[i, j] = s
    return c


def gram(a):
    return a.T @ a


def quadratic_form(x, m):
    return x @ m @ x


def power_iteration(m, steps):
    v = np.ones(m.shape[0])
    for _ in range(steps):
        w = m @ v
        v = w / np.sqrt(np.dot(w, w))
    return np.dot(v, m @ v)


# run: dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, -5.0, 6.0])) == 12.0
# Numba's np.dot takes only float and complex arrays (BLAS)
# run[numjit-only]: dot(np.arange(4, dtype=np.int32), np.arange(4, dtype=np.int32)) == 14
# run: dot(np.array([1 + 1j, 2.0]), np.array([1j, 1.0])) == (1.0+1.0j)
# run: dot(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2)) == np.array([[10.0, 13.0], [28.0, 40.0]], dtype=np.float64)
# run: dot(np.arange(6.0).reshape(2, 3).T, np.arange(4.0).reshape(2, 2)) == np.array([[6.0, 9.0], [8.0, 13.0], [10.0, 17.0]], dtype=np.float64)
# run: dot(np.asfortranarray(np.arange(4.0).reshape(2, 2)), np.array([1.0, -1.0])) == np.array([-1.0, -1.0], dtype=np.float64)
# run: dot(np.array([1.0, -1.0]), np.arange(6.0).reshape(2, 3)) == np.array([-3.0, -3.0, -3.0], dtype=np.float64)
# run: dot(np.arange(6, dtype=np.float32).reshape(2, 3), np.ones((3, 2), dtype=np.float32)) == np.array([[3.0, 3.0], [12.0, 12.0]], dtype=np.float32)
# Numba's np.dot takes only float and complex arrays (BLAS)
# run[numjit-only]: dot(np.arange(4).reshape(2, 2), np.arange(4).reshape(2, 2)) == np.array([[2, 3], [6, 11]], dtype=np.int64)
# run: dot(np.arange(3.0), np.arange(4.0)) raises ValueError
# run: dot(np.ones((2, 3)), np.ones((2, 3))) raises ValueError
# run: matmul(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2)) == np.array([[10.0, 13.0], [28.0, 40.0]], dtype=np.float64)
# run: matmul(np.eye(3), np.arange(3.0)) == np.array([0.0, 1.0, 2.0], dtype=np.float64)
# run: matmul(np.arange(3.0), np.arange(3.0)) == 5.0
# run: matmul(np.array([[1j, 0j], [0j, 1j]]), np.array([[1.0 + 0j, 2.0 + 0j], [3.0 + 0j, 4.0 + 0j]])) == np.array([[(0.0+1.0j), (0.0+2.0j)], [(0.0+3.0j), (0.0+4.0j)]], dtype=np.complex128)
# run: matmul(np.ones((2, 3)), np.ones((2, 3))) raises ValueError
# run: matmul_loops(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2)) == np.array([[10.0, 13.0], [28.0, 40.0]], dtype=np.float64)
# run: matmul_loops(np.arange(6.0).reshape(3, 2).T, np.eye(3)[:, ::2]) == np.array([[0.0, 4.0], [1.0, 5.0]], dtype=np.float64)
# run: gram(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])) == np.array([[35.0, 44.0], [44.0, 56.0]], dtype=np.float64)
# run: quadratic_form(np.array([1.0, 2.0]), np.array([[2.0, 1.0], [1.0, 3.0]])) == 18.0
# run: power_iteration(np.array([[2.0, 1.0], [1.0, 2.0]]), 50) ~= 2.9999999999999996
