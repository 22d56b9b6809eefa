# More library functions: np.rot90 and np.transpose(a, axes) (views), np.partition,
# the window functions (np.bartlett, np.blackman, np.hamming, np.hanning),
# np.convolve / np.correlate (modes), np.cov, np.histogram (integer bins, given edges,
# range=), and the sorted-set functions np.unique, np.union1d, np.intersect1d, np.setxor1d.
import numpy as np


def rot90(a):
    return np.rot90(a)


def rot90_k(a, k):
    return np.rot90(a, k)


def transpose(a):
    return np.transpose(a)


def transpose_axes(a, axes):
    return np.transpose(a, axes)


def partition_kth(a, k):
    return np.partition(a, k)[k]


def partition_sorted(a, k):
    return np.sort(np.partition(a, k))


def windows(n):
    return np.bartlett(n), np.blackman(n), np.hamming(n), np.hanning(n)


def convolve(a, v):
    return np.convolve(a, v)


def convolve_same(a, v):
    return np.convolve(a, v, "same")


def convolve_valid(a, v):
    return np.convolve(a, v, mode="valid")


def correlate(a, v):
    return np.correlate(a, v)


def correlate_same(a, v):
    return np.correlate(a, v, "same")


def correlate_full(a, v):
    return np.correlate(a, v, mode="full")


def cov(x):
    return np.cov(x)


def cov_xy(x, y):
    return np.cov(x, y)


def cov_cols(x):
    return np.cov(x, rowvar=False)


def cov_bias(x):
    return np.cov(x, bias=True)


def cov_ddof(x, d):
    return np.cov(x, ddof=d)


def histogram(a, bins):
    return np.histogram(a, bins)


def histogram_default(a):
    return np.histogram(a)


def histogram_range(a, bins, lo, hi):
    return np.histogram(a, bins, range=(lo, hi))


def unique(a):
    return np.unique(a)


def union1d(a, b):
    return np.union1d(a, b)


def intersect1d(a, b):
    return np.intersect1d(a, b)


def setxor1d(a, b):
    return np.setxor1d(a, b)


# run: rot90(np.arange(6).reshape(2, 3)) == np.array([[2, 5], [1, 4], [0, 3]], dtype=np.int64) ; view of arg0
# run: rot90_k(np.arange(20, dtype=np.int32).reshape(4, 5), -3) == np.array([[4, 9, 14, 19], [3, 8, 13, 18], [2, 7, 12, 17], [1, 6, 11, 16], [0, 5, 10, 15]], dtype=np.int32)
# run: rot90_k(np.arange(6.0).reshape(2, 3), 2) == np.array([[5.0, 4.0, 3.0], [2.0, 1.0, 0.0]], dtype=np.float64)
# run: rot90_k(np.arange(6.0).reshape(2, 3), 3) == np.array([[3.0, 0.0], [4.0, 1.0], [5.0, 2.0]], dtype=np.float64)
# run: rot90_k(np.arange(6.0).reshape(2, 3), 4) == np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], dtype=np.float64)
# run: rot90_k(np.arange(6.0).reshape(2, 3).T, 1) == np.array([[3.0, 4.0, 5.0], [0.0, 1.0, 2.0]], dtype=np.float64)
# run: rot90_k(np.arange(24).reshape(2, 3, 4), 1) == np.array([[[8, 9, 10, 11], [20, 21, 22, 23]], [[4, 5, 6, 7], [16, 17, 18, 19]], [[0, 1, 2, 3], [12, 13, 14, 15]]], dtype=np.int64)
# compile-error: [invalid-operand] rot90(np.arange(3))
# run: transpose(np.arange(6).reshape(2, 3)) == np.array([[0, 3], [1, 4], [2, 5]], dtype=np.int64) ; view of arg0
# run: transpose_axes(np.arange(24).reshape(2, 3, 4), (2, 0, 1)) == np.array([[[0, 4, 8], [12, 16, 20]], [[1, 5, 9], [13, 17, 21]], [[2, 6, 10], [14, 18, 22]], [[3, 7, 11], [15, 19, 23]]], dtype=np.int64) ; view of arg0
# run: transpose_axes(np.arange(24).reshape(2, 3, 4), (-1, 1, 0)) == np.array([[[0, 12], [4, 16], [8, 20]], [[1, 13], [5, 17], [9, 21]], [[2, 14], [6, 18], [10, 22]], [[3, 15], [7, 19], [11, 23]]], dtype=np.int64)
# run: transpose_axes(np.arange(6.0).reshape(2, 3)[:, ::2], (1, 0)) == np.array([[0.0, 3.0], [2.0, 5.0]], dtype=np.float64)
# run: transpose_axes(np.arange(6).reshape(2, 3), (0, 0)) raises ValueError: repeated axis in transpose
# run: transpose_axes(np.arange(6).reshape(2, 3), (0, 2)) raises ValueError
# compile-error[numjit-only]: [wrong-arguments] transpose_axes(np.arange(6).reshape(2, 3), (0, 1, 2))
# run: partition_kth(np.array([9, 1, 8, 2, 7, 3]), 2) == 3
# run: partition_kth(np.array([9.0, nan, 8.0, 2.0]), -1) == nan
# run: partition_sorted(np.array([[3, 1, 2], [9, 7, 8]]), 1) == np.array([[1, 2, 3], [7, 8, 9]], dtype=np.int64)
# run: partition_kth(np.array([9, 1, 8]), 3) raises ValueError
# run: windows(5) ~= (np.array([0.0, 0.5, 1.0, 0.5, 0.0], dtype=np.float64), np.array([-1.3877787807814457e-17, 0.34, 0.9999999999999999, 0.34, -1.3877787807814457e-17], dtype=np.float64), np.array([0.08000000000000002, 0.54, 1.0, 0.54, 0.08000000000000002], dtype=np.float64), np.array([0.0, 0.5, 1.0, 0.5, 0.0], dtype=np.float64))
# run: windows(1) == (np.array([1.0], dtype=np.float64), np.array([1.0], dtype=np.float64), np.array([1.0], dtype=np.float64), np.array([1.0], dtype=np.float64))
# run: windows(0) == (np.array([], dtype=np.float64), np.array([], dtype=np.float64), np.array([], dtype=np.float64), np.array([], dtype=np.float64))
# run: windows(6) ~= (np.array([0.0, 0.4, 0.8, 0.8, 0.4, 0.0], dtype=np.float64), np.array([-1.3877787807814457e-17, 0.2007701432625305, 0.8492298567374694, 0.8492298567374694, 0.2007701432625305, -1.3877787807814457e-17], dtype=np.float64), np.array([0.08000000000000002, 0.39785218258752425, 0.9121478174124759, 0.9121478174124759, 0.39785218258752425, 0.08000000000000002], dtype=np.float64), np.array([0.0, 0.34549150281252633, 0.9045084971874737, 0.9045084971874737, 0.34549150281252633, 0.0], dtype=np.float64))
# run: convolve(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])) == np.array([0.0, 1.0, 2.5, 4.0, 1.5], dtype=np.float64)
# run: convolve(np.array([1, 2, 3], dtype=np.int32), np.array([1, -1])) == np.array([1, 1, 1, -3], dtype=np.int64)
# run: convolve(np.array([1.0, 2.0]), np.array([1j, 1.0, 2.0])) == np.array([(0.0+1.0j), (1.0+2.0j), (4.0+0.0j), (4.0+0.0j)], dtype=np.complex128)
# run: convolve_same(np.arange(5.0), np.array([1.0, 2.0, 3.0])) == np.array([1.0, 4.0, 10.0, 16.0, 17.0], dtype=np.float64)
# run: convolve_valid(np.arange(5.0), np.array([1.0, 2.0, 3.0])) == np.array([4.0, 10.0, 16.0], dtype=np.float64)
# run: convolve_valid(np.array([1.0, 2.0]), np.arange(5.0)) == np.array([1.0, 4.0, 7.0, 10.0], dtype=np.float64)
# run: convolve_same(np.array([1.0, 2.0]), np.arange(6.0)) == np.array([0.0, 1.0, 4.0, 7.0, 10.0, 13.0], dtype=np.float64)
# run: convolve(np.array([], dtype=np.float64), np.array([1.0])) raises ValueError
# run: correlate(np.arange(5.0), np.array([1.0, 0.5])) == np.array([0.5, 2.0, 3.5, 5.0], dtype=np.float64)
# run: correlate(np.arange(3.0), np.array([1.0, 2.0, 3.0, 4.0, 5.0])) == np.array([14.0, 11.0, 8.0], dtype=np.float64)
# run: correlate_same(np.arange(5.0), np.array([1.0, 2.0])) == np.array([0.0, 2.0, 5.0, 8.0, 11.0], dtype=np.float64)
# run: correlate_full(np.array([1 + 1j, 2.0]), np.array([1j, 3.0])) == np.array([(3.0+3.0j), (7.0-1.0j), (0.0-2.0j)], dtype=np.complex128)
# run: correlate_full(np.arange(6.0)[::2], np.array([1, 2, 3, 4])) == np.array([0.0, 8.0, 22.0, 16.0, 10.0, 4.0], dtype=np.float64)
# run: cov_xy(np.array([1.0, 2.0, 4.0]), np.array([0.5, 0.25, 3.0])) ~= np.array([[2.3333333333333335, 2.125], [2.125, 2.3125]], dtype=np.float64)
# run: cov(np.array([1.0, 2.0, 4.0])) ~= np.array(2.333333333333333, dtype=np.float64)
# run: cov(np.arange(6.0).reshape(2, 3)) ~= np.array([[1.0, 1.0], [1.0, 1.0]], dtype=np.float64)
# run: cov(np.array([[1, 5, 2, 8], [3, 3, 0, 1], [2, 4, 6, 9]])) ~= np.array([[10.0, -0.6666666666666666, 7.333333333333333], [-0.6666666666666666, 2.25, -3.25], [7.333333333333333, -3.25, 8.916666666666666]], dtype=np.float64)
# run: cov_cols(np.array([[1.0, 5.0], [2.0, 3.0], [4.0, 0.5]])) ~= np.array([[2.3333333333333335, -3.4166666666666665], [-3.4166666666666665, 5.083333333333333]], dtype=np.float64)
# run: cov_bias(np.array([[1.0, 2.0, 4.0], [0.5, 0.25, 3.0]])) ~= np.array([[1.5555555555555556, 1.4166666666666665], [1.4166666666666665, 1.5416666666666665]], dtype=np.float64)
# run: cov_ddof(np.array([1.0, 2.0, 4.0, 8.0]), 2) ~= np.array(14.375, dtype=np.float64)
# run: cov_xy(np.array([1.0, 2.0, 4.0]), np.array([1.0, 2.0])) raises ValueError
# run: histogram(np.arange(10.0), 3) == (np.array([3, 3, 4], dtype=np.int64), np.array([0.0, 3.0, 6.0, 9.0], dtype=np.float64))
# run: histogram(np.array([0.5, 1.5, 1.7, 4.0, 5.0]), np.array([0.0, 1.0, 2.0, 5.0])) == (np.array([1, 2, 2], dtype=np.int64), np.array([0.0, 1.0, 2.0, 5.0], dtype=np.float64))
# run: histogram(np.array([1, 2, 2, 3, 9]), 4) == (np.array([3, 1, 0, 1], dtype=np.int64), np.array([1.0, 3.0, 5.0, 7.0, 9.0], dtype=np.float64))
# run[numjit-only]: histogram(np.array([2.0, 2.0, 2.0]), 2) == (np.array([0, 3], dtype=np.int64), np.array([1.5, 2.0, 2.5], dtype=np.float64))
# run[numjit-only]: histogram(np.array([0.1, 0.25, 0.3, 0.9], dtype=np.float32), 2) == (np.array([3, 1], dtype=np.int64), np.array([0.1, 0.49999997, 0.9], dtype=np.float32))
# run: histogram(np.array([0.5, 7.0, -1.0, 2.0]), np.array([0, 1, 2])) == (np.array([1, 1], dtype=np.int64), np.array([0, 1, 2], dtype=np.int64))
# run: histogram(np.arange(10.0), 0) raises ValueError
# run: histogram(np.arange(4.0), np.array([1.0, 0.0])) raises ValueError
# run: histogram_default(np.arange(20.0).reshape(4, 5)) == (np.array([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], dtype=np.int64), np.array([0.0, 1.9, 3.8, 5.699999999999999, 7.6, 9.5, 11.399999999999999, 13.299999999999999, 15.2, 17.099999999999998, 19.0], dtype=np.float64))
# run[numjit-only]: histogram_default(np.array([], dtype=np.float64)) == (np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], dtype=np.int64), np.array([0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0], dtype=np.float64))
# run: histogram_range(np.arange(10.0), 2, 2.0, 6.0) == (np.array([2, 3], dtype=np.int64), np.array([2.0, 4.0, 6.0], dtype=np.float64))
# run: histogram_range(np.arange(10.0), 2, 6.0, 2.0) raises ValueError
# run: unique(np.array([3, 1, 2, 3, 1])) == np.array([1, 2, 3], dtype=np.int64)
# run: unique(np.array([[2.0, nan], [nan, 1.0]])) == np.array([1.0, 2.0, nan], dtype=np.float64)
# run: unique(np.array([], dtype=np.int32)) == np.array([], dtype=np.int32)
# run: unique(np.array([1 + 1j, 1 + 0j, 1 + 1j])) == np.array([(1.0+0.0j), (1.0+1.0j)], dtype=np.complex128)
# run: unique(np.array([True, False, True])) == np.array([False, True], dtype=np.bool_)
# run: union1d(np.array([-1, 0, 1]), np.array([-2, 0, 2])) == np.array([-2, -1, 0, 1, 2], dtype=np.int64)
# run: union1d(np.array([1, 2], dtype=np.int32), np.array([1.5, 2.0])) == np.array([1.0, 1.5, 2.0], dtype=np.float64)
# run: intersect1d(np.array([1, 3, 4, 3]), np.array([3, 1, 2, 1])) == np.array([1, 3], dtype=np.int64)
# run: intersect1d(np.array([1.0, nan]), np.array([nan, 1.0, 2.0])) == np.array([1.0], dtype=np.float64)
# run: intersect1d(np.array([5, 6]), np.array([1, 2])) == np.array([], dtype=np.int64)
# run: setxor1d(np.array([1, 2, 3, 2, 4]), np.array([2, 3, 5, 7, 5])) == np.array([1, 4, 5, 7], dtype=np.int64)
# run: setxor1d(np.array([1.0, 2.0]), np.array([], dtype=np.float64)) == np.array([1.0, 2.0], dtype=np.float64)
