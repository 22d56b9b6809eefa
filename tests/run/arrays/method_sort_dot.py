# sort (in place), argsort, dot (method), item.
import numpy as np


def sort_in_place(a):
    a.sort()
    return a


def sorted_copy_median(a):
    b = a.copy()
    b.sort()
    n = b.shape[0]
    if n % 2 == 1:
        return b[n // 2] * 1.0
    return (b[n // 2 - 1] + b[n // 2]) / 2.0


def argsort_order(a):
    return a.argsort()


def rank(a):
    # rank of each element: argsort of argsort
    return a.argsort().argsort()


def dot_method(a, b):
    return a.dot(b)


def sort_rows(a):
    for i in range(a.shape[0]):
        a[i].sort()
    return a


# run: sort_in_place(np.array([3.0, -1.0, 2.0, nan, 0.0, -inf])) == np.array([-inf, -1.0, 0.0, 2.0, 3.0, nan], dtype=np.float64) ; arg0 == np.array([-inf, -1.0, 0.0, 2.0, 3.0, nan], dtype=np.float64)
# run: sort_in_place(np.array([5, 3, 9, 1], dtype=np.int32)) == np.array([1, 3, 5, 9], dtype=np.int32)
# run: sort_in_place(np.array([True, False, True, False])) == np.array([False, False, True, True], dtype=np.bool_)
# run: sort_in_place(np.arange(10)[::-2]) == np.array([1, 3, 5, 7, 9], dtype=np.int64)
# run: sort_in_place(np.array([[3, 1, 2], [9, 8, 7]])) == np.array([[1, 2, 3], [7, 8, 9]], dtype=np.int64)
# run: sorted_copy_median(np.array([7.0, 1.0, 3.0, 5.0])) == 4.0 ; arg0 == np.array([7.0, 1.0, 3.0, 5.0], dtype=np.float64)
# run: sorted_copy_median(np.array([7, 1, 3])) == 3.0
# run: argsort_order(np.array([3.0, 1.0, 2.0, 0.5])) == np.array([3, 1, 2, 0], dtype=np.int64)
# run: argsort_order(np.array([10, -5, 3], dtype=np.int32)) == np.array([1, 2, 0], dtype=np.int64)
# run: argsort_order(np.arange(8.0)[::-3]) == np.array([2, 1, 0], dtype=np.int64)
# run: rank(np.array([40.0, 10.0, 30.0, 20.0])) == np.array([3, 0, 2, 1], dtype=np.int64)
# run: dot_method(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])) == 32.0
# run: dot_method(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2)) == np.array([[10.0, 13.0], [28.0, 40.0]], dtype=np.float64)
# run: dot_method(np.arange(6.0).reshape(2, 3), np.array([1.0, 0.0, -1.0])) == np.array([-2.0, -2.0], dtype=np.float64)
# run: sort_rows(np.array([[3.0, 1.0, 2.0], [0.0, -1.0, 5.0]])) == np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 5.0]], dtype=np.float64)
