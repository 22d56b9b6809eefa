# np.interp, np.isclose, np.allclose, np.array_equal, np.expand_dims (a view), np.ravel,
# np.digitize, np.average, np.corrcoef, np.sinc, np.isposinf/np.isneginf,
# np.broadcast_to (a view; NumPy makes it read-only, numjit keeps the input's flag), np.ediff1d.
import numpy as np


def interp(x, xp, fp):
    return np.interp(x, xp, fp)


def interp_lr(x, xp, fp):
    return np.interp(x, xp, fp, left=-1.0, right=99.0)


def isclose(a, b):
    return np.isclose(a, b)


def isclose_tol(a, b):
    return np.isclose(a, b, rtol=0.0, atol=0.1, equal_nan=True)


def allclose(a, b):
    return np.allclose(a, b)


def array_equal(a, b):
    return np.array_equal(a, b)


def array_equal_nan(a, b):
    return np.array_equal(a, b, equal_nan=True)


def expand_dims(a, axis):
    return np.expand_dims(a, axis)


def ravel(a):
    return np.ravel(a)


def digitize(x, bins):
    return np.digitize(x, bins)


def digitize_right(x, bins):
    return np.digitize(x, bins, right=True)


def average(a):
    return np.average(a)


def average_w(a, w):
    return np.average(a, weights=w)


def corrcoef(x):
    return np.corrcoef(x)


def corrcoef_xy(x, y):
    return np.corrcoef(x, y)


def sinc(x):
    return np.sinc(x)


def infs(x):
    return np.isposinf(x), np.isneginf(x)


def broadcast_to(a, shape):
    return np.broadcast_to(a, shape)


def ediff1d(a):
    return np.ediff1d(a)


# run: interp(2.5, np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 0.0])) == 1.0
# run: interp(np.array([0.0, 1.0, 1.5, 2.72, 3.14]), np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 0.0])) ~= np.array([3.0, 3.0, 2.5, 0.5599999999999996, 0.0], dtype=np.float64)
# run: interp(np.array([[0, 5], [2, 3]]), np.array([1, 2, 3]), np.array([10, 20, 40])) == np.array([[10.0, 40.0], [20.0, 40.0]], dtype=np.float64)
# run: interp(np.array([0.5, 2.0]), np.array([1.0, 2.0]), np.array([1j, 2 + 2j])) == np.array([(0.0+1.0j), (2.0+2.0j)], dtype=np.complex128)
# run: interp(np.array([nan, 1.5]), np.array([1.0, 2.0]), np.array([0.0, 1.0])) == np.array([nan, 0.5], dtype=np.float64)
# run: interp(1.0, np.array([], dtype=np.float64), np.array([], dtype=np.float64)) raises ValueError
# run: interp(1.0, np.array([1.0, 2.0]), np.array([1.0])) raises ValueError
# run[numjit-only]: interp_lr(np.array([0.0, 1.5, 4.0]), np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 0.0])) == np.array([-1.0, 2.5, 99.0], dtype=np.float64)
# run: interp(5.0, np.array([2.0]), np.array([7.0])) == 7.0
# run: isclose(np.array([1e10, 1e-7, nan, inf]), np.array([1.00001e10, 1e-8, nan, inf])) == np.array([True, False, False, True], dtype=np.bool_)
# run: isclose(1.0, 1.000000001) == True
# run: isclose(np.arange(3.0), 1.0) == np.array([False, True, False], dtype=np.bool_)
# run: isclose_tol(np.array([1.0, nan, 2.0]), np.array([1.05, nan, 2.2])) == np.array([True, True, False], dtype=np.bool_)
# run[numjit-only]: isclose(np.array([1, 2], dtype=np.int32), np.array([[1.0], [2.0]])) == np.array([[True, False], [False, True]], dtype=np.bool_)
# run: allclose(np.array([1e10, 1e-7]), np.array([1.00001e10, 1e-8])) == False
# run: allclose(np.array([1e10, 1e-8]), np.array([1.00001e10, 1e-9])) == True
# run: allclose(np.array([1.0, nan]), np.array([1.0, nan])) == False
# run: allclose(np.arange(3.0), np.arange(4.0)) raises ValueError
# run: array_equal(np.array([1, 2]), np.array([1, 2])) == True
# run: array_equal(np.array([1, 2]), np.array([1.0, 2.5])) == False
# run: array_equal(np.array([1, 2]), np.array([1, 2, 3])) == False
# run: array_equal(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2)) == False
# run: array_equal(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2).T.T.reshape(2, 3)) == True
# run: array_equal(np.array([1.0, nan]), np.array([1.0, nan])) == False
# run[numjit-only]: array_equal_nan(np.array([1.0, nan]), np.array([1.0, nan])) == True
# run: array_equal(np.arange(3), np.arange(6).reshape(2, 3)) == False
# run: expand_dims(np.arange(3), 0) == np.array([[0, 1, 2]], dtype=np.int64) ; view of arg0
# run: expand_dims(np.arange(3), 1) == np.array([[0], [1], [2]], dtype=np.int64)
# run: expand_dims(np.arange(6).reshape(2, 3), -1) == np.array([[[0], [1], [2]], [[3], [4], [5]]], dtype=np.int64)
# run: expand_dims(np.arange(6.0).reshape(2, 3).T, 1) == np.array([[[0.0, 3.0]], [[1.0, 4.0]], [[2.0, 5.0]]], dtype=np.float64)
# run[numjit-only]: expand_dims(np.arange(3), 2) raises ValueError
# run: ravel(np.arange(6).reshape(2, 3)) == np.array([0, 1, 2, 3, 4, 5], dtype=np.int64) ; view of arg0
# run: ravel(np.arange(6).reshape(2, 3).T) == np.array([0, 3, 1, 4, 2, 5], dtype=np.int64) ; not view of arg0
# run: digitize(np.array([0.2, 6.4, 3.0, 1.6]), np.array([0.0, 1.0, 2.5, 4.0, 10.0])) == np.array([1, 4, 3, 2], dtype=np.int64)
# run: digitize(np.array([1.0, 2.5, 10.0]), np.array([0.0, 1.0, 2.5, 4.0, 10.0])) == np.array([2, 3, 5], dtype=np.int64)
# run: digitize_right(np.array([1.0, 2.5, 10.0]), np.array([0.0, 1.0, 2.5, 4.0, 10.0])) == np.array([1, 2, 4], dtype=np.int64)
# run: digitize(np.array([0.2, 6.4, 3.0, 1.6]), np.array([10.0, 4.0, 2.5, 1.0, 0.0])) == np.array([4, 1, 2, 3], dtype=np.int64)
# run: digitize_right(np.array([1.0, 2.5, 10.0]), np.array([10.0, 4.0, 2.5, 1.0, 0.0])) == np.array([4, 3, 1], dtype=np.int64)
# run: digitize(3, np.array([1, 2, 3, 4])) == 3
# run: digitize(np.array([1.0]), np.array([1.0, 3.0, 2.0])) raises ValueError
# run: average(np.array([1, 2, 3, 4])) == 2.5
# run: average(np.arange(6.0).reshape(2, 3).T) == 2.5
# run: average_w(np.array([1, 2, 3]), np.array([1, 1, 2])) == 2.25
# run: average_w(np.array([1.0, 2.0], dtype=np.float32), np.array([3.0, 1.0], dtype=np.float32)) == 1.25
# run: average_w(np.array([1.0, 2.0]), np.array([1.0, -1.0])) raises ZeroDivisionError
# run: corrcoef(np.array([1.0, 2.0, 4.0])) == 1.0
# run: corrcoef(np.array([[1.0, 2.0, 4.0], [0.5, 0.25, 3.0], [3.0, 2.0, 1.0]])) ~= np.array([[1.0, 0.9148074042510734, -0.9819805060619656], [0.9148074042510734, 1.0, -0.8219949365267865], [-0.9819805060619656, -0.8219949365267865, 1.0]], dtype=np.float64)
# run: corrcoef_xy(np.array([1.0, 2.0, 4.0]), np.array([0.5, 0.25, 3.0])) ~= np.array([[1.0, 0.9148074042510734], [0.9148074042510734, 1.0]], dtype=np.float64)
# run: sinc(np.array([0.0, 0.5, 1.0, -1.5])) ~= np.array([1.0, 0.6366197723675814, 3.8981718325193755e-17, -0.2122065907891938], dtype=np.float64)
# run[numjit-only]: sinc(np.array([0, 2], dtype=np.int32)) ~= np.array([1.0, -3.8981718325193755e-17], dtype=np.float64)
# run: sinc(0.25) ~= 0.9003163161571061
# run: infs(np.array([inf, -inf, nan, 1.0])) == (np.array([True, False, False, False], dtype=np.bool_), np.array([False, True, False, False], dtype=np.bool_))
# run: infs(np.array([1, 2])) == (np.array([False, False], dtype=np.bool_), np.array([False, False], dtype=np.bool_))
# run: infs(-inf) == (False, True)
# run: broadcast_to(np.arange(3), (2, 3)) == np.array([[0, 1, 2], [0, 1, 2]], dtype=np.int64) ; view of arg0
# run: broadcast_to(np.array([[1.0], [2.0]]), (2, 2, 3)) == np.array([[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]], [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]], dtype=np.float64)
# run: broadcast_to(np.array(5), 3) == np.array([5, 5, 5], dtype=np.int64)
# run: broadcast_to(np.arange(3), (3, 2)) raises ValueError
# run: ediff1d(np.array([1, 2, 4, 7, 0])) == np.array([1, 2, 3, -7], dtype=np.int64)
# run: ediff1d(np.array([[1.0, 2.0], [4.0, 7.5]]).T) == np.array([3.0, -2.0, 5.5], dtype=np.float64)
# run: ediff1d(np.array([5], dtype=np.int8)) == np.array([], dtype=np.int8)
