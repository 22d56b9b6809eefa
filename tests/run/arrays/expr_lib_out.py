# Ufuncs with an output array (`np.cos(a, out)`, `np.add(a, b, out=o)`) and
# np.dot(a, b, out): the result is written into `out`, which is returned.
import numpy as np


def cos_out(a, out):
    np.cos(a, out)
    return out


def add_out(a, b, out):
    return np.add(a, b, out)


def add_out_kw(a, b, out):
    r = np.add(a, b, out=out)
    return r


def explicit_output(a, b, out):
    np.cos(a, out)
    return np.add(out, b, out)


def negative_out(a, out):
    np.negative(a, out)
    return out


def sum_of_out(a, out):
    return np.sum(np.sqrt(a, out))


def dot_out(a, b, out):
    np.dot(a, b, out)
    return out


def dot_out_returned(a, b, out):
    return np.dot(a, b, out)


# run: cos_out(np.array([0.0, 1.0]), np.zeros(2)) ~= np.array([1.0, 0.5403023058681398], dtype=np.float64) ; arg1 ~= np.array([1.0, 0.5403023058681398], dtype=np.float64)
# run: add_out(np.arange(4.0), np.ones(4), np.zeros(4)) == np.array([1.0, 2.0, 3.0, 4.0], dtype=np.float64) ; view of arg2
# run: add_out(np.arange(3), 2, np.zeros(3)) == np.array([2.0, 3.0, 4.0], dtype=np.float64) ; arg2 == np.array([2.0, 3.0, 4.0], dtype=np.float64)
# run: add_out(np.arange(3), np.array([[1], [2]]), np.zeros((2, 3), dtype=np.int64)) == np.array([[1, 2, 3], [2, 3, 4]], dtype=np.int64)
# run: add_out(np.arange(3, dtype=np.int32), np.arange(3, dtype=np.int32), np.zeros(3, dtype=np.int8)) == np.array([0, 2, 4], dtype=np.int8)
# run: add_out(np.arange(3.0), 1.0, np.zeros((2, 3))) == np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype=np.float64)
# run: add_out(np.arange(3.0), 1.0, np.zeros((3, 2)).T) == np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype=np.float64) ; arg2 == np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dtype=np.float64)
# run[numjit-only]: add_out(np.arange(3.0), 1.0, np.zeros(2)) raises ValueError
# run[numjit-only]: add_out_kw(np.arange(3.0), np.arange(3.0), np.zeros(3)) == np.array([0.0, 2.0, 4.0], dtype=np.float64)
# run: explicit_output(np.arange(4.0), np.ones(4), np.zeros(4)) ~= np.array([2.0, 1.5403023058681398, 0.5838531634528576, 0.010007503399554585], dtype=np.float64)
# run: negative_out(np.array([1, -2]), np.zeros(2, dtype=np.int32)) == np.array([-1, 2], dtype=np.int32)
# run: sum_of_out(np.array([4.0, 9.0]), np.zeros(2)) == 5.0 ; arg1 == np.array([2.0, 3.0], dtype=np.float64)
# compile-error: [invalid-operand] add_out(np.arange(3.0), 1.0, np.zeros(3, dtype=np.int64))
# compile-error: [readonly-array] add_out(np.arange(3.0), 1.0, readonly(np.zeros(3)))
# compile-error[numjit-only]: [invalid-operand] add_out(np.zeros((2, 2)), 1.0, np.zeros(2))
# run: dot_out(np.arange(4.0).reshape(2, 2), np.ones((2, 2)), np.zeros((2, 2))) == np.array([[1.0, 1.0], [5.0, 5.0]], dtype=np.float64)
# run: dot_out(np.arange(6.0).reshape(2, 3), np.arange(3.0), np.zeros(2)) == np.array([5.0, 14.0], dtype=np.float64)
# run: dot_out_returned(np.arange(4.0).reshape(2, 2), np.eye(2), np.zeros((2, 2))) == np.array([[0.0, 1.0], [2.0, 3.0]], dtype=np.float64) ; view of arg2
# compile-error: [invalid-operand] dot_out(np.arange(4.0).reshape(2, 2), np.ones((2, 2)), np.zeros((2, 2), dtype=np.float32))
