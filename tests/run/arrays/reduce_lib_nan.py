# NaN-ignoring library functions: np.nanmedian (with axis=), np.nancumsum and
# np.nancumprod (NaN counts as 0 and 1), np.nanargmin and np.nanargmax.
import numpy as np


def nanmedian(a):
    return np.nanmedian(a)


def nanmedian_axis(a, axis):
    return np.nanmedian(a, axis=axis)


def nancumsum(a):
    return np.nancumsum(a)


def nancumprod_axis(a, axis):
    return np.nancumprod(a, axis=axis)


def nanargmin(a):
    return np.nanargmin(a)


def nanargmax(a):
    return np.nanargmax(a)


# run: nanmedian(np.array([3.0, nan, 1.0, 2.0])) == 2.0
# run: nanmedian(np.array([4.0, nan, 1.0, 2.0, nan, 8.0])) == 3.0
# run: nanmedian(np.array([nan, nan])) == nan
# run: nanmedian(np.array([5, 1, 3], dtype=np.int32)) == 3.0
# run: nanmedian(np.array([[1.0, nan], [3.0, 4.0]]).T) == 3.0
# run[numjit-only]: nanmedian_axis(np.array([[1.0, nan, 3.0], [nan, nan, 6.0]]), 1) == np.array([2.0, 6.0], dtype=np.float64)
# run[numjit-only]: nanmedian_axis(np.array([[1.0, nan, 3.0], [4.0, nan, 6.0]]), 0) == np.array([2.5, nan, 4.5], dtype=np.float64)
# run: nancumsum(np.array([1.0, nan, 2.5, nan])) == np.array([1.0, 1.0, 3.5, 3.5], dtype=np.float64)
# run: nancumsum(np.array([[1, 2], [3, 4]], dtype=np.int32)) == np.array([1, 3, 6, 10], dtype=np.int64)
# run: nancumsum(np.array([1.0, 2.0], dtype=np.float32)) == np.array([1.0, 3.0], dtype=np.float32)
# run[numjit-only]: nancumprod_axis(np.array([[2.0, nan], [nan, 3.0], [4.0, 5.0]]), 0) == np.array([[2.0, 1.0], [2.0, 3.0], [8.0, 15.0]], dtype=np.float64)
# run[numjit-only]: nancumprod_axis(np.array([[2.0, nan], [nan, 3.0], [4.0, 5.0]]), 1) == np.array([[2.0, 2.0], [1.0, 3.0], [4.0, 20.0]], dtype=np.float64)
# run: nanargmin(np.array([4.0, nan, -1.0, -1.0, 2.0])) == 2
# run: nanargmax(np.array([[nan, 4.0], [9.0, nan]])) == 2
# run: nanargmax(np.array([[1.0, 4.0], [9.0, 0.5]]).T) == 1
# run: nanargmin(np.array([3, 1, 2], dtype=np.int8)) == 1
# run: nanargmin(np.array([nan, nan])) raises ValueError
# run: nanargmax(np.array([], dtype=np.float64)) raises ValueError
