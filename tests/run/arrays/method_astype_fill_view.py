# astype (every dtype pair of interest), fill, view, item.
import numpy as np


def to_int32(a):
    return a.astype(np.int32)


def to_float32(a):
    return a.astype(np.float32)


def to_float64(a):
    return a.astype(np.float64)


def to_complex(a):
    return a.astype(np.complex128)


def to_bool(a):
    return a.astype(np.bool_)


def to_int64_sum(a):
    # truncating conversion, then an integer reduction
    b = a.astype(np.int64)
    s = 0
    for i in range(b.shape[0]):
        s += b[i]
    return s


def fill_value(a, v):
    a.fill(v)
    return a


def fill_rows(a):
    for i in range(a.shape[0]):
        a[i].fill(i)
    return a


def view_as_int64(a):
    return a.view(np.int64)


def view_as_uint8_count(a):
    b = a.view(np.uint8)
    return b.shape[0]


def item_0d(a):
    return a.item()


def item_of_one(a):
    return a.item()


# run: to_int32(np.array([1.9, -1.9, 0.5, 1e3])) == np.array([1, -1, 0, 1000], dtype=np.int32)
# run: to_int32(np.arange(6).reshape(2, 3).T) == np.array([[0, 3], [1, 4], [2, 5]], dtype=np.int32)
# run: to_float32(np.array([0.1, 0.3333333333333333, 1e10])) == np.array([0.1, 0.33333334, 1e+10], dtype=np.float32)
# run: to_float32(np.array([[1, 2], [3, 4]], dtype=np.int32)) == np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
# run: to_float64(np.array([True, False])) == np.array([1.0, 0.0], dtype=np.float64)
# run: to_float64(np.array([0.1, 0.5], dtype=np.float32)) == np.array([0.10000000149011612, 0.5], dtype=np.float64)
# run: to_float64(np.arange(-3, 3, dtype=np.int32)[::2]) == np.array([-3.0, -1.0, 1.0], dtype=np.float64)
# run: to_complex(np.array([1.5, -2.0])) == np.array([(1.5+0.0j), (-2.0+0.0j)], dtype=np.complex128)
# run: to_complex(np.arange(4).reshape(2, 2)) == np.array([[(0.0+0.0j), (1.0+0.0j)], [(2.0+0.0j), (3.0+0.0j)]], dtype=np.complex128)
# run: to_bool(np.array([0.0, -0.0, 0.5, nan])) == np.array([False, False, True, True], dtype=np.bool_)
# run: to_bool(np.array([[0, 3], [-1, 0]], dtype=np.int32)) == np.array([[False, True], [True, False]], dtype=np.bool_)
# Numba: astype(bool) not supported on complex arrays
# run[numjit-only]: to_bool(np.array([0j, 1j])) == np.array([False, True], dtype=np.bool_)
# run: to_int64_sum(np.array([1.5, 2.5, -3.7, 10.2])) == 10
# run: fill_value(np.zeros(4), 2.5) == np.array([2.5, 2.5, 2.5, 2.5], dtype=np.float64) ; arg0 == np.array([2.5, 2.5, 2.5, 2.5], dtype=np.float64)
# run: fill_value(np.zeros((2, 2), dtype=np.int32), 7) == np.array([[7, 7], [7, 7]], dtype=np.int32)
# run: fill_value(np.zeros(3, dtype=np.complex128), 1j) == np.array([(0.0+1.0j), (0.0+1.0j), (0.0+1.0j)], dtype=np.complex128)
# run: fill_value(np.zeros((2, 3)).T, -1.0) == np.array([[-1.0, -1.0], [-1.0, -1.0], [-1.0, -1.0]], dtype=np.float64) ; arg0 == np.array([[-1.0, -1.0], [-1.0, -1.0], [-1.0, -1.0]], dtype=np.float64)
# run: fill_value(np.array([False, False]), True) == np.array([True, True], dtype=np.bool_)
# run: fill_rows(np.zeros((3, 2))) == np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], dtype=np.float64)
# run: fill_rows(np.zeros((3, 3), dtype=np.int32)[:, ::2]) == np.array([[0, 0], [1, 1], [2, 2]], dtype=np.int32)
# run: view_as_int64(np.array([1.0, -0.0, 2.0])) == np.array([4607182418800017408, -9223372036854775808, 4611686018427387904], dtype=np.int64) ; view of arg0
# run: view_as_uint8_count(np.array([1, 2, 3], dtype=np.int32)) == 12
# run: item_0d(np.array(4.5)) == 4.5
# run: item_0d(np.array(7, dtype=np.int32)) == 7
# run: item_of_one(np.array([[True]])) == True
# run: item_of_one(np.array([1+2j])) == (1.0+2.0j)
# run: item_of_one(np.arange(3)) raises ValueError: can only convert an array of size 1 to a Python scalar


def view_as_int32(a):
    return a.view(np.int32)


def view_as_float64(a):
    return a.view(np.float64)


def view_as_complex128(a):
    return a.view(np.complex128)


def view_shape(a):
    return a.view(np.int8).shape


def clear_sign_bits(a):
    b = a.view(np.int64)
    for i in range(b.size):
        if b[i] < 0:
            b[i] = b[i] & 9223372036854775807
    return a


# run: view_as_int64(np.array([[1.0, -0.0], [2.0, 0.5]]).T) == np.array([[4607182418800017408, 4611686018427387904], [-9223372036854775808, 4602678819172646912]], dtype=np.int64) ; view of arg0
# run: view_as_int64(np.array([1.0, -0.0, 2.0, 0.5])[::-2]) == np.array([4602678819172646912, -9223372036854775808], dtype=np.int64) ; view of arg0
# run: view_as_int64(np.array(1.0)) == np.array(4607182418800017408, dtype=np.int64) ; view of arg0
# run: view_as_int32(np.array([1.0, -2.0])) == np.array([0, 1072693248, 0, -1073741824], dtype=np.int32) ; view of arg0
# run: view_as_int32(np.array([[1.0, -2.0], [0.5, 3.0]])) == np.array([[0, 1072693248, 0, -1073741824], [0, 1071644672, 0, 1074266112]], dtype=np.int32) ; view of arg0
# run: view_as_int32(np.zeros((3, 1)).T) == np.array([[0, 0, 0, 0, 0, 0]], dtype=np.int32)
# run: view_as_int32(np.asfortranarray(np.zeros((3, 1)))) == np.array([[0, 0], [0, 0], [0, 0]], dtype=np.int32)
# run: view_as_int32(np.zeros((3, 4)).T) raises ValueError: To change to a dtype of a different size, the last axis must be contiguous
# run: view_as_int32(np.zeros(6)[::2]) raises ValueError: To change to a dtype of a different size, the last axis must be contiguous
# run: view_as_int32(np.array(1.0)) raises ValueError: Changing the dtype of a 0d array is only supported if the itemsize is unchanged
# run: view_as_int32(np.zeros((2, 0))) == np.array([[], []], dtype=np.int32).reshape((2, 0))
# run: view_as_float64(np.array([0, 1072693248, 0, -1073741824], dtype=np.int32)) == np.array([1.0, -2.0], dtype=np.float64) ; view of arg0
# run: view_as_float64(np.array([0, 1072693248, 0], dtype=np.int32)) raises ValueError: When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.
# run: view_as_float64(np.arange(3, dtype=np.int64)) == np.array([0.0, 5e-324, 1e-323], dtype=np.float64) ; view of arg0
# run: view_as_complex128(np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])) == np.array([[(1.0+2.0j), (3.0+4.0j)], [(5.0+6.0j), (7.0+8.0j)]], dtype=np.complex128) ; view of arg0
# run: view_as_float64(np.array([1+2j, -3.5-0.5j])) == np.array([1.0, 2.0, -3.5, -0.5], dtype=np.float64) ; view of arg0
# run: view_shape(np.zeros((2, 3), dtype=np.int32)) == (2, 12)
# run: view_shape(np.array([True, False])) == (2,)
# run: clear_sign_bits(np.array([-1.0, 2.0, -0.0, -3.5])) == np.array([1.0, 2.0, 0.0, 3.5], dtype=np.float64) ; arg0 == np.array([1.0, 2.0, 0.0, 3.5], dtype=np.float64)
