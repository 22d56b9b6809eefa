# Iteration over an array yields its first-axis elements: scalars for 1-D,
# row views for n-D.
import numpy as np


def sum_loop(a):
    s = 0
    for x in a:
        s += x
    return s


def row_norms(a):
    out = np.empty(a.shape[0])
    i = 0
    for r in a:
        out[i] = np.sqrt(np.sum(r * r))
        i += 1
    return out


def count_rows_with_negative(a):
    n = 0
    for r in a:
        for x in r:
            if x < 0:
                n += 1
                break
    return n


def enumerate_max(a):
    best = -1
    bi = -1
    for i, x in enumerate(a):
        if x > best:
            best = x
            bi = i
    return bi


def zip_dot(a, b):
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s


def plane_sums(a):
    out = np.zeros(a.shape[0])
    k = 0
    for plane in a:
        out[k] = plane.sum()
        k += 1
    return out


def double_rows(a):
    for r in a:
        r *= 2
    return a


# run: sum_loop(np.arange(10)) == 45
# run: sum_loop(np.array([0.5, 0.25], dtype=np.float32)) == 0.75
# run: sum_loop(np.array([True, True, False])) == 2
# run: sum_loop(np.array([1j, 1.0])) == (1.0+1.0j)
# run: sum_loop(np.arange(10)[::-3]) == 18
# s = 0 then s += float64: Numba unifies s to float64 (tests/run/types_variable_retype.py)
# run[numba-semantics]: sum_loop(np.zeros(0)) == 0.0
# run: row_norms(np.array([[3.0, 4.0], [5.0, 12.0]])) == np.array([5.0, 13.0], dtype=np.float64)
# run: row_norms(np.array([[3.0, 4.0], [5.0, 12.0]]).T) ~= np.array([5.830951894845301, 12.649110640673518], dtype=np.float64)
# run: count_rows_with_negative(np.array([[1, -1], [2, 3], [-4, -5]])) == 2
# run: count_rows_with_negative(np.array([[1, -1], [2, 3], [-4, -5]], dtype=np.int32).T) == 2
# run: enumerate_max(np.array([3, 9, 2, 9])) == 1
# run: zip_dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])) == 32.0
# run: plane_sums(np.arange(24.0).reshape(2, 3, 4)) == np.array([66.0, 210.0], dtype=np.float64)
# run: plane_sums(np.arange(24.0).reshape(2, 3, 4).T) == np.array([60.0, 66.0, 72.0, 78.0], dtype=np.float64)
# run: double_rows(np.arange(6).reshape(2, 3)) == np.array([[0, 2, 4], [6, 8, 10]], dtype=np.int64) ; arg0 == np.array([[0, 2, 4], [6, 8, 10]], dtype=np.int64)
