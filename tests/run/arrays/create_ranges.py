# np.arange, np.linspace, np.eye, np.identity.
import numpy as np


def arange1(n):
    return np.arange(n)


def arange2(a, b):
    return np.arange(a, b)


def arange3(a, b, s):
    return np.arange(a, b, s)


def arange_float(a, b, s):
    return np.arange(a, b, s)


def arange_dtype(n):
    return np.arange(n, dtype=np.float32)


def lin(a, b, n):
    return np.linspace(a, b, n)


def lin_midpoints(a, b, n):
    x = np.linspace(a, b, n + 1)
    return (x[1:] + x[:-1]) / 2


def eye_n(n):
    return np.eye(n)


def eye_nm(n, m):
    return np.eye(n, m)


def eye_k(n, k):
    return np.eye(n, n, k)


def eye_int(n):
    return np.eye(n, dtype=np.int32)


def identity_n(n):
    return np.identity(n)


def trapezoid(n):
    # integral of x**2 over [0, 1] by the trapezoid rule
    x = np.linspace(0.0, 1.0, n)
    y = x * x
    h = x[1] - x[0]
    return h * (y.sum() - 0.5 * (y[0] + y[-1]))


# run: arange1(5) == np.array([0, 1, 2, 3, 4], dtype=np.int64)
# run: arange1(0) == np.array([], dtype=np.int64)
# run: arange1(-3) == np.array([], dtype=np.int64)
# run: arange2(-2, 3) == np.array([-2, -1, 0, 1, 2], dtype=np.int64)
# run: arange3(10, 0, -3) == np.array([10, 7, 4, 1], dtype=np.int64)
# run: arange3(0, 10, 4) == np.array([0, 4, 8], dtype=np.int64)
# run: arange_float(0.0, 1.0, 0.25) == np.array([0.0, 0.25, 0.5, 0.75], dtype=np.float64)
# run: arange_float(1, 2.5, 0.5) == np.array([1.0, 1.5, 2.0], dtype=np.float64)
# run: arange_dtype(4) == np.array([0.0, 1.0, 2.0, 3.0], dtype=np.float32)
# Numba raises ValueError: Maximum allowed size exceeded
# run[numjit-only]: arange3(0, 5, 0) raises ZeroDivisionError
# run: lin(0.0, 1.0, 5) == np.array([0.0, 0.25, 0.5, 0.75, 1.0], dtype=np.float64)
# run: lin(-1, 1, 4) ~= np.array([-1.0, -0.33333333333333337, 0.33333333333333326, 1.0], dtype=np.float64)
# run: lin(2.0, 2.0, 3) == np.array([2.0, 2.0, 2.0], dtype=np.float64)
# run: lin(0.0, 1.0, 1) == np.array([0.0], dtype=np.float64)
# run: lin(0.0, 1.0, 0) == np.array([], dtype=np.float64)
# run: lin_midpoints(0.0, 2.0, 4) == np.array([0.25, 0.75, 1.25, 1.75], dtype=np.float64)
# run: eye_n(3) == np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float64)
# run: eye_nm(2, 4) == np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]], dtype=np.float64)
# run: eye_k(3, 1) == np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: eye_k(3, -2) == np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float64)
# run: eye_int(2) == np.array([[1, 0], [0, 1]], dtype=np.int32)
# run: identity_n(3) == np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float64)
# run: trapezoid(101) ~= 0.33335000000000004
