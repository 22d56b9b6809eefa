# Errors that only values decide, raised at run time with NumPy's classes
# (and NumPy's messages where Numba words them the same).
import numpy as np


def add(a, b):
    return a + b


def reshape_to(a, n, m):
    return a.reshape((n, m))


def only_item(a):
    return a.item()


def first_of_min(a):
    return a.min()


def arg_of_max(a):
    return np.argmax(a)


def sum_over(a, ax):
    return np.sum(a, axis=ax)


def stacked(a, b):
    return np.vstack((a, b))


def get(a, i):
    return a[i]


def get_row_col(a, i, j):
    return a[i, j]


def checked_sqrt(a):
    if np.any(a < 0):
        raise ValueError("negative input")
    return np.sqrt(a)


def safe_ratio(a, b):
    if b.shape != a.shape:
        raise ValueError("shape mismatch")
    return a / b


def assign_slice(a, v):
    a[:2] = v


def mean_of_empty_raises(a):
    if a.size == 0:
        raise ZeroDivisionError("empty")
    return a.sum() / a.size


# run: add(np.zeros(3), np.zeros(2)) raises ValueError
# run: add(np.zeros((2, 3)), np.zeros((2, 2))) raises ValueError
# run: add(np.zeros((4, 1, 3)), np.zeros((2, 2))) raises ValueError
# run: reshape_to(np.arange(6), 4, 2) raises ValueError
# run: reshape_to(np.arange(6), -1, 4) raises ValueError
# run: only_item(np.zeros((2, 2))) raises ValueError
# run: first_of_min(np.zeros(0)) raises ValueError: zero-size array to reduction operation minimum which has no identity
# run: arg_of_max(np.zeros((0, 2))) raises ValueError
# run: sum_over(np.zeros((2, 2)), 3) raises ValueError: axis 3 is out of bounds for array of dimension 2
# run: sum_over(np.zeros(2), -2) raises ValueError
# run: stacked(np.zeros((2, 3)), np.zeros((2, 2))) raises ValueError
# run[boundscheck=True]: get(np.arange(3.0), 3) raises IndexError
# run[boundscheck=True]: get(np.arange(3.0), -4) raises IndexError
# run[boundscheck=True]: get(np.zeros(0), 0) raises IndexError
# run[boundscheck=True]: get_row_col(np.zeros((2, 3)), 2, 0) raises IndexError
# run[boundscheck=True]: get_row_col(np.zeros((2, 3)).T, 0, 2) raises IndexError
# run[boundscheck=True]: get_row_col(np.zeros((2, 3)), 0, -4) raises IndexError
# run: checked_sqrt(np.array([1.0, -1.0])) raises ValueError: negative input
# run: checked_sqrt(np.array([1.0, 4.0])) == np.array([1.0, 2.0], dtype=np.float64)
# run: safe_ratio(np.ones(2), np.ones(3)) raises ValueError: shape mismatch
# run: assign_slice(np.zeros(4), np.array([1.0, 2.0, 3.0])) raises ValueError
# run: mean_of_empty_raises(np.zeros(0)) raises ZeroDivisionError: empty
# run: mean_of_empty_raises(np.array([2.0, 4.0])) == 3.0
