# The np.* reduction functions with and without axis=: sum, prod, min, max,
# mean, std, var, argmin, argmax, all, any, median, and the nan-aware ones.
import numpy as np


def np_sum(a):
    return np.sum(a)


def np_sum_axis(a, ax):
    return np.sum(a, axis=ax)


def np_prod(a):
    return np.prod(a)


def np_min_max(a):
    return (np.min(a), np.max(a))


def np_amin_amax(a):
    return (np.amin(a), np.amax(a))


def np_mean(a):
    return np.mean(a)


def np_std_var(a):
    return (np.std(a), np.var(a))


def np_arg(a):
    return (np.argmin(a), np.argmax(a))


def np_all_any(a):
    return (np.all(a), np.any(a))


def np_median(a):
    return np.median(a)


def nan_stats(a):
    return (np.nansum(a), np.nanmean(a), np.nanmin(a), np.nanmax(a))


def np_prod_axis(a, ax):
    return np.prod(a, axis=ax)


def np_min_axis(a, ax):
    return np.min(a, axis=ax)


def np_max_axis(a, ax):
    return np.max(a, axis=ax)


def np_mean_axis(a, ax):
    return np.mean(a, axis=ax)


def np_std_axis(a, ax):
    return np.std(a, axis=ax)


def np_var_axis(a, ax):
    return np.var(a, axis=ax)


def np_argmin_axis(a, ax):
    return np.argmin(a, axis=ax)


def np_all_axis(a, ax):
    return np.all(a, axis=ax)


def np_any_axis(a, ax):
    return np.any(a, axis=ax)


def np_median_axis(a, ax):
    return np.median(a, axis=ax)


def np_nansum_axis(a, ax):
    return np.nansum(a, axis=ax)


def np_nanmean_axis(a, ax):
    return np.nanmean(a, axis=ax)


def np_nanmax_axis(a, ax):
    return np.nanmax(a, axis=ax)


def np_nanmin_axis(a, ax):
    return np.nanmin(a, axis=ax)


def column_zscores(a):
    # standardise each column by hand, then check with a reduction
    out = np.empty(a.shape)
    for j in range(a.shape[1]):
        c = a[:, j]
        out[:, j] = (c - np.mean(c)) / np.std(c)
    return out


# run: np_sum(np.arange(101)) == 5050
# run: np_sum(np.array([[0.5, 1.5], [2.5, 3.5]]).T) == 8.0
# run: np_sum(np.arange(10, dtype=np.int32)[1::2]) == 25
# run: np_sum(np.array([True, True, True])) == 3
# run: np_sum(np.array([1 + 1j, 1 - 1j, 2j])) == (2.0+2.0j)
# run: np_sum(np.array([1.0, inf, -inf])) == nan
# run: np_sum_axis(np.arange(24).reshape(2, 3, 4), 0) == np.array([[12, 14, 16, 18], [20, 22, 24, 26], [28, 30, 32, 34]], dtype=np.int64)
# run: np_sum_axis(np.arange(24.0).reshape(2, 3, 4), 2) == np.array([[6.0, 22.0, 38.0], [54.0, 70.0, 86.0]], dtype=np.float64)
# run: np_sum_axis(np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::2, :], 1) == np.array([[8, 10, 12, 14], [32, 34, 36, 38]], dtype=np.int64)
# run: np_sum_axis(np.asfortranarray(np.arange(6.0).reshape(2, 3)), 0) == np.array([3.0, 5.0, 7.0], dtype=np.float64)
# run: np_sum_axis(np.array([True, False, True]), 0) == 2
# run: np_sum_axis(np.arange(6).reshape(2, 3), -3) raises ValueError: axis -3 is out of bounds for array of dimension 2
# run: np_prod(np.array([1.5, 2.0, -1.0])) == -3.0
# run: np_prod(np.arange(1, 6, dtype=np.int32)) == 120
# run: np_min_max(np.array([4, -2, 9, 0])) == (-2, 9)
# run: np_min_max(np.array([[1.5, nan], [0.5, 2.0]])) == (nan, nan)
# run: np_min_max(np.array([0.5, -0.25, 8.0], dtype=np.float32)) == (-0.25, 8.0)
# run: np_min_max(np.array([True, False])) == (False, True)
# run: np_amin_amax(np.arange(12).reshape(3, 4).T[1:]) == (1, 11)
# run: np_mean(np.array([1, 2, 3, 4])) == 2.5
# run: np_mean(np.arange(12.0).reshape(3, 4)[:, 1:3]) == 5.5
# run: np_mean(np.array([True, False, False, False])) == 0.25
# run: np_std_var(np.array([1.0, 2.0, 3.0, 4.0])) == (1.118033988749895, 1.25)
# run: np_std_var(np.array([1j, -1j])) == (1.0, 1.0)
# run: np_std_var(np.array([5.0])) == (0.0, 0.0)
# run: np_arg(np.array([3, 1, 4, 1, 5, 9, 2, 6])) == (1, 5)
# run: np_arg(np.array([[2.0, 8.0], [-1.0, 8.0]])) == (2, 1)
# run: np_arg(np.array([nan, 1.0, nan])) == (0, 0)
# run: np_all_any(np.array([0.0, 0.0])) == (False, False)
# run: np_all_any(np.array([[1, 2], [3, 0]], dtype=np.int32)) == (False, True)
# run: np_all_any(np.zeros(0, dtype=np.bool_)) == (True, False)
# run: np_median(np.array([5.0, 1.0, 3.0])) == 3.0
# run: np_median(np.array([4, 1, 3, 2])) == 2.5
# run: np_median(np.arange(12.0).reshape(3, 4).T) == 5.5
# run: np_median(np.array([1.0, nan, 2.0])) == nan
# run: nan_stats(np.array([1.0, nan, 3.0, nan])) == (4.0, 2.0, 1.0, 3.0)
# run: nan_stats(np.array([[2.0, nan], [-1.0, 4.0]]).T) == (5.0, 1.6666666666666667, -1.0, 4.0)
# run: nan_stats(np.array([1, 2, 3])) == (6, 2.0, 1, 3)
# run: nan_stats(np.array([0.5, nan], dtype=np.float32)) == (0.5, 0.5, 0.5, 0.5)
# run: column_zscores(np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])) ~= np.array([[-1.224744871391589, -0.9258200997725515], [0.0, -0.46291004988627577], [1.224744871391589, 1.3887301496588271]], dtype=np.float64)
# Numba 0.68.1 has no axis= for these (TypingError); the issue requires them
# run[numjit-only]: np_prod_axis(np.arange(1, 7).reshape(2, 3), 1) == np.array([6, 120], dtype=np.int64)
# run[numjit-only]: np_min_axis(np.array([[3.0, -1.0], [0.5, 2.0]]), 0) == np.array([0.5, -1.0], dtype=np.float64)
# run[numjit-only]: np_min_axis(np.arange(24, dtype=np.int32).reshape(2, 3, 4), 1) == np.array([[0, 1, 2, 3], [12, 13, 14, 15]], dtype=np.int32)
# run[numjit-only]: np_max_axis(np.array([[3.0, -1.0], [0.5, 2.0]]).T, 1) == np.array([3.0, 2.0], dtype=np.float64)
# run[numjit-only]: np_max_axis(np.arange(24).reshape(2, 3, 4), -1) == np.array([[3, 7, 11], [15, 19, 23]], dtype=np.int64)
# run[numjit-only]: np_mean_axis(np.arange(6).reshape(2, 3), 1) == np.array([1.0, 4.0], dtype=np.float64)
# run[numjit-only]: np_mean_axis(np.arange(24.0).reshape(2, 3, 4)[:, :, ::3], 0) == np.array([[6.0, 9.0], [10.0, 13.0], [14.0, 17.0]], dtype=np.float64)
# run[numjit-only]: np_std_axis(np.array([[1.0, 2.0], [3.0, 6.0]]), 0) == np.array([1.0, 2.0], dtype=np.float64)
# run[numjit-only]: np_var_axis(np.array([[1.0, 2.0], [3.0, 6.0]]), 1) == np.array([0.25, 2.25], dtype=np.float64)
# run[numjit-only]: np_median_axis(np.array([[5.0, 1.0, 3.0], [2.0, 8.0, 4.0]]), 1) == np.array([3.0, 4.0], dtype=np.float64)
# run[numjit-only]: np_nansum_axis(np.array([[1.0, nan], [nan, nan]]), 0) == np.array([1.0, 0.0], dtype=np.float64)
# run[numjit-only]: np_nanmean_axis(np.array([[1.0, nan], [3.0, 5.0]]), 1) == np.array([1.0, 4.0], dtype=np.float64)
# run[numjit-only]: np_nanmax_axis(np.array([[1.0, nan], [3.0, 5.0]]), 0) == np.array([3.0, 5.0], dtype=np.float64)
# run[numjit-only]: np_nanmin_axis(np.array([[1.0, nan], [3.0, 5.0]]), 1) == np.array([1.0, 3.0], dtype=np.float64)
# run: np_argmin_axis(np.array([[4, 2, 8], [1, 9, 0]]), 1) == np.array([1, 2], dtype=np.int64)
# run: np_argmin_axis(np.arange(24.0).reshape(2, 3, 4)[::-1], 0) == np.array([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]], dtype=np.int64)
# Numba 0.68.1 has no axis= for np.all/np.any
# run[numjit-only]: np_all_axis(np.array([[True, False], [True, True]]), 0) == np.array([True, False], dtype=np.bool_)
# run[numjit-only]: np_any_axis(np.array([[0, 0, 1], [0, 0, 0]]), 1) == np.array([True, False], dtype=np.bool_)
# run: np_min_max(np.zeros(0, dtype=np.int32)) raises ValueError: zero-size array to reduction operation minimum which has no identity
# run: np_median(np.zeros(0)) == nan
