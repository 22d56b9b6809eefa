# argmin, argmax, cumsum, cumprod (methods), with axis where NumPy has it.
import numpy as np


def arg_min(a):
    return a.argmin()


def arg_max(a):
    return a.argmax()


def argmax_axis(a, ax):
    return a.argmax(axis=ax)


def argmin_axis(a, ax):
    return a.argmin(axis=ax)


def running_sum(a):
    return a.cumsum()


def running_prod(a):
    return a.cumprod()


def prefix_means(a):
    c = a.cumsum()
    out = np.empty(c.shape[0])
    for i in range(c.shape[0]):
        out[i] = c[i] / (i + 1)
    return out


def argmax_2d_position(a):
    k = a.argmax()
    return (k // a.shape[1], k % a.shape[1])


# run: arg_min(np.array([3.0, -1.0, 2.0, -1.0])) == 1
# run: arg_min(np.array([3.0, nan, -5.0])) == 1
# run: arg_min(np.arange(12, dtype=np.int32).reshape(3, 4)[::-1]) == 8
# run: arg_min(np.array([True, False, False])) == 1
# run: arg_max(np.array([[1, 7], [7, 3]]).T) == 1
# run: arg_max(np.array([1.5, inf, 2.0], dtype=np.float32)) == 1
# run: arg_max(np.zeros(0)) raises ValueError: attempt to get argmax of an empty sequence
# run: arg_min(np.zeros(0)) raises ValueError: attempt to get argmin of an empty sequence
# run: argmax_axis(np.array([[1, 9, 3], [8, 2, 7]]), 0) == np.array([1, 0, 1], dtype=np.int64)
# run: argmax_axis(np.array([[1.0, 9.0, 3.0], [8.0, 2.0, 7.0]]), 1) == np.array([1, 0], dtype=np.int64)
# run: argmin_axis(np.arange(24.0).reshape(2, 3, 4)[:, ::-1, :], 1) == np.array([[2, 2, 2, 2], [2, 2, 2, 2]], dtype=np.int64)
# run: running_sum(np.arange(1, 6)) == np.array([1, 3, 6, 10, 15], dtype=np.int64)
# run: running_sum(np.arange(6, dtype=np.int32).reshape(2, 3).T) == np.array([0, 3, 4, 8, 10, 15], dtype=np.int64)
# run: running_sum(np.array([0.5, 0.25, 0.125], dtype=np.float32)) == np.array([0.5, 0.75, 0.875], dtype=np.float32)
# run: running_sum(np.array([True, True, False, True])) == np.array([1, 2, 2, 3], dtype=np.int64)
# run: running_sum(np.array([1j, 2.0, -1j])) == np.array([(0.0+1.0j), (2.0+1.0j), (2.0+0.0j)], dtype=np.complex128)
# run: running_prod(np.arange(1, 8)) == np.array([1, 2, 6, 24, 120, 720, 5040], dtype=np.int64)
# run: running_prod(np.array([[1.5, 2.0], [-1.0, 4.0]])) == np.array([1.5, 3.0, -3.0, -12.0], dtype=np.float64)
# run: prefix_means(np.array([2.0, 4.0, 9.0, 1.0])) == np.array([2.0, 3.0, 5.0, 4.0], dtype=np.float64)
# run: argmax_2d_position(np.array([[1.0, 2.0, 3.0], [9.0, 0.0, 1.0]])) == (1, 0)
