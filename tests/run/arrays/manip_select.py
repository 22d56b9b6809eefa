# np.where (1 and 3 arguments), np.nonzero, np.clip.
import numpy as np


def where3(c, x, y):
    return np.where(c, x, y)


def relu(a):
    return np.where(a > 0, a, 0.0)


def sign_by_where(a):
    return np.where(a > 0, 1, np.where(a < 0, -1, 0))


def where1(c):
    return np.where(c)


def nonzero_of(a):
    return np.nonzero(a)


def nonzero_count(a):
    idx = np.nonzero(a)[0]
    return idx.shape[0]


def clip_of(a, lo, hi):
    return np.clip(a, lo, hi)


def clip_arrays(a, lo, hi):
    return np.clip(a, lo, hi)


def saturate_and_count(a, lo, hi):
    c = np.clip(a, lo, hi)
    n = 0
    for i in range(a.shape[0]):
        if c[i] != a[i]:
            n += 1
    return (c, n)


# run: where3(np.array([True, False, True]), np.array([1, 2, 3]), np.array([10, 20, 30])) == np.array([1, 20, 3], dtype=np.int64)
# run: where3(np.array([True, False]), 1.5, np.array([[0.0, 0.0], [1.0, 1.0]])) == np.array([[1.5, 0.0], [1.5, 1.0]], dtype=np.float64)
# int32 array with a Python int: Numba promotes to int64 (see expr_scalar_promotion.py)
# run[numba-semantics]: where3(np.array([[True], [False]]), np.arange(3, dtype=np.int32), -1) == np.array([[0, 1, 2], [-1, -1, -1]], dtype=np.int64)
# run: relu(np.array([-1.0, 0.5, 0.0, 2.0])) == np.array([0.0, 0.5, 0.0, 2.0], dtype=np.float64)
# run: relu(np.arange(-3, 3).reshape(2, 3)) == np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 2.0]], dtype=np.float64)
# run: sign_by_where(np.array([-2.5, 0.0, 3.0])) == np.array([-1, 0, 1], dtype=np.int64)
# run: where1(np.array([False, True, True, False])) == (np.array([1, 2], dtype=np.int64),)
# run: nonzero_of(np.array([0, 3, 0, 4])) == (np.array([1, 3], dtype=np.int64),)
# run: nonzero_of(np.array([[0.0, 1.0], [2.0, 0.0]])) == (np.array([0, 1], dtype=np.int64), np.array([1, 0], dtype=np.int64))
# run: nonzero_of(np.array([[True, False, True]]).T) == (np.array([0, 2], dtype=np.int64), np.array([0, 0], dtype=np.int64))
# run: nonzero_of(np.array([0, 1, 2, 0, 1, 2, 0, 1]).reshape(2, 2, 2)) == (np.array([0, 0, 1, 1, 1], dtype=np.int64), np.array([0, 1, 0, 0, 1], dtype=np.int64), np.array([1, 0, 0, 1, 1], dtype=np.int64))
# run: nonzero_count(np.array([0j, 1j, 0j, 1.0])) == 2
# run: clip_of(np.array([-2.0, 0.5, 3.0, nan]), 0.0, 1.0) == np.array([0.0, 0.5, 1.0, nan], dtype=np.float64)
# run: clip_of(np.arange(10, dtype=np.int32), 2, 7) == np.array([2, 2, 2, 3, 4, 5, 6, 7, 7, 7], dtype=np.int32)
# run: clip_of(np.arange(6).reshape(2, 3).T, 1, 4) == np.array([[1, 3], [1, 4], [2, 4]], dtype=np.int64)
# run: clip_arrays(np.arange(5.0), np.array([1.0, 1.0, 1.0, 1.0, 1.0]), np.array([2.0, 2.0, 2.0, 2.0, 10.0])) == np.array([1.0, 1.0, 2.0, 2.0, 4.0], dtype=np.float64)
# run: saturate_and_count(np.array([-5.0, 0.0, 5.0, 10.0]), -1.0, 6.0) == (np.array([-1.0, 0.0, 5.0, 6.0], dtype=np.float64), 2)


def where1_count(c):
    idx = np.where(c)
    return len(idx), idx[0].size


# run: where1(np.array([[0.0, 1.5], [2.0, 0.0]]).T) == (np.array([0, 1], dtype=np.int64), np.array([1, 0], dtype=np.int64))
# run: where1(np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::2, 1:]) == (np.array([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], dtype=np.int64), np.array([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1], dtype=np.int64), np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2], dtype=np.int64))
# run: where1(np.array([0j, 1j, 0j])) == (np.array([1], dtype=np.int64),)
# run: where1(np.zeros((2, 0), dtype=np.bool_)) == (np.array([], dtype=np.int64), np.array([], dtype=np.int64))
# run: where1_count(np.array([True, False, True])) == (1, 2)
