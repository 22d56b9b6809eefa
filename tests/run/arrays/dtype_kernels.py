# The same loop kernels over each dtype (bool, int32, int64, float32,
# float64, complex128): element reads keep the array's dtype, results keep
# NumPy's types.  Values are chosen so float32 arithmetic is exact.
import numpy as np


def sum_squares(a):
    s = a[0] * 0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


def scale_copy(a, k):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = a[i] * k
    return out


def count_true(a):
    n = 0
    for i in range(a.shape[0]):
        if a[i]:
            n += 1
    return n


def max_abs(a):
    m = abs(a[0])
    for x in a:
        if abs(x) > m:
            m = abs(x)
    return m


def int32_wrap(a):
    # int32 elements keep int32 arithmetic: wraps at 2**31 inside the array
    b = a * a
    return b


def float32_roundtrip(a):
    return a.astype(np.float64).astype(np.float32)


def complex_parts(a):
    re = np.zeros(a.shape[0])
    im = np.zeros(a.shape[0])
    for i in range(a.shape[0]):
        re[i] = a[i].real
        im[i] = a[i].imag
    return (re, im)


def mixed_dtype_sum(a, b):
    # int32 + float32 arrays promote to float64
    return a + b


# run: sum_squares(np.array([1, 2, 3], dtype=np.int32)) == 14
# run: sum_squares(np.array([1, 2, 3])) == 14
# run: sum_squares(np.array([0.5, 1.5], dtype=np.float32)) == 2.5
# run: sum_squares(np.array([0.5, 1.5])) == 2.5
# run: sum_squares(np.array([1j, 1 + 1j])) == (-1.0+2.0j)
# run: scale_copy(np.array([1, 2], dtype=np.int32), 3) == np.array([3, 6], dtype=np.int32)
# run: scale_copy(np.array([1.5, 2.5], dtype=np.float32), 2) == np.array([3.0, 5.0], dtype=np.float32)
# run: scale_copy(np.array([1.5, 2.5]), 2) == np.array([3.0, 5.0], dtype=np.float64)
# run: scale_copy(np.array([1j, 2.0]), 2) == np.array([(0.0+2.0j), (4.0+0.0j)], dtype=np.complex128)
# run: count_true(np.array([True, False, True, True])) == 3
# run: count_true(np.array([0, 5, 0, -1], dtype=np.int32)) == 2
# run: count_true(np.array([0.0, nan, -0.0])) == 1
# run: count_true(np.array([0j, 1j])) == 1
# run: max_abs(np.array([-7, 3], dtype=np.int32)) == 7
# run: max_abs(np.array([-7.5, 3.0], dtype=np.float32)) == 7.5
# run: max_abs(np.array([3 + 4j, -1.0])) == 5.0
# run: int32_wrap(np.array([46341, 65536], dtype=np.int32)) == np.array([-2147479015, 0], dtype=np.int32)
# run: int32_wrap(np.array([46341, 65536])) == np.array([2147488281, 4294967296], dtype=np.int64)
# run: float32_roundtrip(np.array([0.1, 1e-3], dtype=np.float32)) == np.array([0.1, 0.001], dtype=np.float32)
# run: complex_parts(np.array([1 + 2j, -3 - 4j])) == (np.array([1.0, -3.0], dtype=np.float64), np.array([2.0, -4.0], dtype=np.float64))
# Numba promotes int32/int64 with float32 to float32; NumPy to float64
# run[numjit-only]: mixed_dtype_sum(np.array([1, 2], dtype=np.int32), np.array([0.5, 0.25], dtype=np.float32)) == np.array([1.5, 2.25], dtype=np.float64)
# run: mixed_dtype_sum(np.array([1, 2], dtype=np.int32), np.array([True, False])) == np.array([2, 2], dtype=np.int32)
# Numba promotes int32/int64 with float32 to float32; NumPy to float64
# run[numjit-only]: mixed_dtype_sum(np.array([1, 2]), np.array([0.5, 0.25], dtype=np.float32)) == np.array([1.5, 2.25], dtype=np.float64)
# run: mixed_dtype_sum(np.array([1, 2], dtype=np.int32), np.array([3, 4])) == np.array([4, 6], dtype=np.int64)
# run: mixed_dtype_sum(np.array([1.5], dtype=np.float32), np.array([1j])) == np.array([(1.5+1.0j)], dtype=np.complex128)
