# The reduction methods: sum, prod, min, max, mean, std, var, all, any, with
# and without axis=, over every dtype and layout.
import numpy as np


def total(a):
    return a.sum()


def product(a):
    return a.prod()


def smallest(a):
    return a.min()


def largest(a):
    return a.max()


def average(a):
    return a.mean()


def spread(a):
    return (a.std(), a.var())


def every(a):
    return a.all()


def some(a):
    return a.any()


def sum_axis(a, ax):
    return a.sum(axis=ax)


def prod_axis(a, ax):
    return a.prod(axis=ax)


def min_axis(a, ax):
    return a.min(axis=ax)


def max_axis(a, ax):
    return a.max(axis=ax)


def mean_axis(a, ax):
    return a.mean(axis=ax)


def std_axis(a, ax):
    return a.std(axis=ax)


def var_axis(a, ax):
    return a.var(axis=ax)


def normalise_rows(a):
    # subtract each row's mean, divide by the largest absolute deviation
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        row = a[i]
        d = row - row.mean()
        m = np.abs(d).max()
        out[i] = d / m if m > 0 else d
    return out


# run: total(np.arange(10)) == 45
# run: total(np.arange(12, dtype=np.int32).reshape(3, 4).T) == 66
# run: total(np.array([0.5, 0.25], dtype=np.float32)) == 0.75
# run: total(np.array([[1+1j, 2-3j]])) == (3.0-2.0j)
# run: total(np.array([True, True, False])) == 2
# run: total(np.zeros((0, 3))) == 0.0
# run: total(np.array(2.5)) == 2.5
# run: product(np.arange(1, 11)) == 3628800
# run: product(np.array([1.5, -2.0, 4.0])) == -12.0
# run: product(np.array([2, 3], dtype=np.int32)) == 6
# run: product(np.zeros(0)) == 1.0
# run: smallest(np.array([3.0, -1.5, 2.0, nan, 0.0])) == nan
# run: smallest(np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::-1, 1:]) == 1
# run: smallest(np.array([True, False])) == False
# run: largest(np.array([[3, 9], [4, -2]]).T) == 9
# run: largest(np.array([-inf, -1e300])) == -1e+300
# run: largest(np.zeros(0)) raises ValueError: zero-size array to reduction operation maximum which has no identity
# run: average(np.arange(10)) == 4.5
# run: average(np.array([1.0, 2.0, 4.0], dtype=np.float32)) == 2.3333332538604736
# run: average(np.array([1j, 3.0])) == (1.5+0.5j)
# run: average(np.arange(12.0).reshape(3, 4)[::2, ::3]) == 5.5
# run: spread(np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])) == (2.0, 4.0)
# run: spread(np.arange(6).reshape(2, 3)) ~= (1.707825127659933, 2.9166666666666665)
# run: every(np.array([1.0, 2.0, -0.0])) == False
# run: every(np.array([[True, True], [True, True]]).T) == True
# run: every(np.zeros(0)) == True
# run: some(np.array([0, 0, 3], dtype=np.int32)) == True
# run: some(np.zeros((2, 2))) == False
# run: some(np.array([0j, 1j])) == True
# run: sum_axis(np.arange(12).reshape(3, 4), 0) == np.array([12, 15, 18, 21], dtype=np.int64)
# run: sum_axis(np.arange(12).reshape(3, 4), 1) == np.array([6, 22, 38], dtype=np.int64)
# run: sum_axis(np.arange(24.0).reshape(2, 3, 4), 1) == np.array([[12.0, 15.0, 18.0, 21.0], [48.0, 51.0, 54.0, 57.0]], dtype=np.float64)
# run: sum_axis(np.arange(24, dtype=np.int32).reshape(2, 3, 4).T, 2) == np.array([[12, 20, 28], [14, 22, 30], [16, 24, 32], [18, 26, 34]], dtype=np.int64)
# run: sum_axis(np.arange(12).reshape(3, 4), -1) == np.array([6, 22, 38], dtype=np.int64)
# run: sum_axis(np.arange(12).reshape(3, 4), 2) raises ValueError: axis 2 is out of bounds for array of dimension 2
# Numba 0.68.1 has no axis= for prod/min/max/mean/std/var (TypingError)
# run[numjit-only]: prod_axis(np.arange(1, 7).reshape(2, 3), 0) == np.array([4, 10, 18], dtype=np.int64)
# run[numjit-only]: prod_axis(np.arange(1.0, 7.0).reshape(2, 3).T, 1) == np.array([4.0, 10.0, 18.0], dtype=np.float64)
# run[numjit-only]: min_axis(np.array([[3, 1, 2], [0, 5, -1]]), 1) == np.array([1, -1], dtype=np.int64)
# run[numjit-only]: min_axis(np.arange(24.0).reshape(2, 3, 4)[:, :, ::-1], 2) == np.array([[0.0, 4.0, 8.0], [12.0, 16.0, 20.0]], dtype=np.float64)
# run[numjit-only]: max_axis(np.array([[3.0, nan], [0.0, 5.0]]), 0) == np.array([3.0, nan], dtype=np.float64)
# run[numjit-only]: max_axis(np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3)), 1) == np.array([2, 5], dtype=np.int32)
# run[numjit-only]: mean_axis(np.arange(12).reshape(3, 4), 0) == np.array([4.0, 5.0, 6.0, 7.0], dtype=np.float64)
# run[numjit-only]: mean_axis(np.arange(24.0).reshape(2, 3, 4), 2) == np.array([[1.5, 5.5, 9.5], [13.5, 17.5, 21.5]], dtype=np.float64)
# run[numjit-only]: std_axis(np.array([[1.0, 3.0], [2.0, 6.0]]), 0) == np.array([0.5, 1.5], dtype=np.float64)
# run[numjit-only]: var_axis(np.array([[1.0, 3.0], [2.0, 6.0]]), 1) == np.array([1.0, 4.0], dtype=np.float64)
# run: normalise_rows(np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0], [0.0, 10.0, 5.0]])) == np.array([[-1.0, 0.0, 1.0], [0.0, 0.0, 0.0], [-1.0, 1.0, 0.0]], dtype=np.float64)
