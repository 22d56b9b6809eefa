# .T, .real, .imag and .flat: views of the argument and how they read.
import numpy as np


def transpose_attr(a):
    return a.T


def transpose_sum_rows(a):
    t = a.T
    out = np.zeros(t.shape[0])
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            out[i] += t[i, j]
    return out


def real_part(a):
    return a.real


def imag_part(a):
    return a.imag


def modulus(z):
    # |z| from the real and imaginary views
    return np.sqrt(z.real ** 2 + z.imag ** 2)


def scale_real_in_place(z):
    r = z.real
    r *= 2.0
    return z


def flat_sum(a):
    s = 0
    for x in a.flat:
        s += x
    return s


def flat_index(a, i):
    return a.flat[i]


def flat_set(a):
    f = a.flat
    for i in range(a.size):
        f[i] = i * 10
    return a


def flat_positions(a):
    # positions (in C order) of the maximum, via the flat iterator
    best = a.flat[0]
    pos = 0
    k = 0
    for x in a.flat:
        if x > best:
            best = x
            pos = k
        k += 1
    return pos


# run: transpose_attr(np.arange(6).reshape(2, 3)) == np.array([[0, 3], [1, 4], [2, 5]], dtype=np.int64) ; view of arg0
# run: transpose_attr(np.arange(24.0).reshape(2, 3, 4)) == np.array([[[0.0, 12.0], [4.0, 16.0], [8.0, 20.0]], [[1.0, 13.0], [5.0, 17.0], [9.0, 21.0]], [[2.0, 14.0], [6.0, 18.0], [10.0, 22.0]], [[3.0, 15.0], [7.0, 19.0], [11.0, 23.0]]], dtype=np.float64) ; view of arg0
# run: transpose_attr(np.arange(5, dtype=np.int32)) == np.array([0, 1, 2, 3, 4], dtype=np.int32) ; view of arg0
# run: transpose_attr(np.array(1.5)) == np.array(1.5, dtype=np.float64)
# run: transpose_sum_rows(np.arange(12.0).reshape(3, 4)) == np.array([12.0, 15.0, 18.0, 21.0], dtype=np.float64)
# run: transpose_sum_rows(np.asfortranarray(np.arange(12.0).reshape(3, 4))) == np.array([12.0, 15.0, 18.0, 21.0], dtype=np.float64)
# run: real_part(np.array([1+2j, -3.5-0.5j])) == np.array([1.0, -3.5], dtype=np.float64) ; view of arg0
# run: imag_part(np.array([[1+2j, 3j], [-1-1j, 4.0]])) == np.array([[2.0, 3.0], [-1.0, 0.0]], dtype=np.float64) ; view of arg0
# run: real_part(np.array([1.5, -2.0])) == np.array([1.5, -2.0], dtype=np.float64)
# run: imag_part(np.array([1.5, -2.0])) == np.array([0.0, 0.0], dtype=np.float64)
# run: real_part(np.array([[1, 2], [3, 4]], dtype=np.int32)) == np.array([[1, 2], [3, 4]], dtype=np.int32)
# run: modulus(np.array([3+4j, -5+12j, 0j])) == np.array([5.0, 13.0, 0.0], dtype=np.float64)
# run: scale_real_in_place(np.array([1+1j, 2-2j])) == np.array([(2.0+1.0j), (4.0-2.0j)], dtype=np.complex128) ; arg0 == np.array([(2.0+1.0j), (4.0-2.0j)], dtype=np.complex128)
# run: flat_sum(np.arange(12).reshape(3, 4)) == 66
# run: flat_sum(np.arange(12).reshape(3, 4).T) == 66
# run: flat_sum(np.arange(24.0).reshape(2, 3, 4)[:, ::2, 1:]) == 144.0
# run: flat_sum(np.array([True, True, False])) == 2
# run: flat_index(np.arange(12).reshape(3, 4).T, 5) == 9
# run: flat_index(np.asfortranarray(np.arange(6.0).reshape(2, 3)), 1) == 1.0
# run: flat_set(np.zeros((2, 3))) == np.array([[0.0, 10.0, 20.0], [30.0, 40.0, 50.0]], dtype=np.float64) ; arg0 == np.array([[0.0, 10.0, 20.0], [30.0, 40.0, 50.0]], dtype=np.float64)
# run: flat_set(np.zeros((2, 3), dtype=np.int32).T) == np.array([[0, 10], [20, 30], [40, 50]], dtype=np.int32) ; arg0 == np.array([[0, 10], [20, 30], [40, 50]], dtype=np.int32)
# run: flat_positions(np.array([[3, 9, 2], [9, 1, 0]])) == 1
# run: flat_positions(np.array([[3.0, 9.5], [1.0, 10.0], [2.0, -1.0]]).T) == 4


def real_sum(a):
    return np.sum(a.real)


def set_imag(z, v):
    z.imag[:] = v
    return z


def imag_item(z, i):
    return z.imag[i]


def conj_by_views(z):
    out = np.empty(z.shape, dtype=z.dtype)
    out.real[:] = z.real
    out.imag[:] = -z.imag
    return out


# run: real_part(np.asfortranarray(np.array([[1+2j, 3j], [-1-1j, 4.0]]))) == np.array([[1.0, 0.0], [-1.0, 4.0]], dtype=np.float64) ; view of arg0
# run: imag_part(np.array([1+2j, 3j, -1-1j, 4.0, 5-5j])[::2]) == np.array([2.0, -1.0, -5.0], dtype=np.float64) ; view of arg0
# run: imag_part(np.array([1+2j, 3j, -1-1j], dtype=np.complex64)[::-1]) == np.array([-1.0, 3.0, 2.0], dtype=np.float32) ; view of arg0
# run: real_part(np.array(1.5-2.5j)) == np.array(1.5, dtype=np.float64) ; view of arg0
# run: imag_part(np.array(1.5-2.5j)) == np.array(-2.5, dtype=np.float64) ; view of arg0
# run: real_part(np.arange(24, dtype=np.complex128).reshape(2, 3, 4)[:, 1:, ::3]) == np.array([[[4.0, 7.0], [8.0, 11.0]], [[16.0, 19.0], [20.0, 23.0]]], dtype=np.float64) ; view of arg0
# run: imag_part(np.array([[1, 2], [3, 4]], dtype=np.int32)) == np.array([[0, 0], [0, 0]], dtype=np.int32)
# Numba has no .real/.imag of bool arrays (TypingError); NumPy has
# run[numjit-only]: imag_part(np.array([True, False])) == np.array([False, False], dtype=np.bool_)
# Numba has no .real/.imag of bool arrays (TypingError); NumPy has
# run[numjit-only]: real_part(np.array([True, False])) == np.array([True, False], dtype=np.bool_)
# run: imag_part(np.zeros((2, 0), dtype=np.complex128)) == np.array([[], []], dtype=np.float64).reshape((2, 0))
# run: real_sum(np.array([[1+2j, 3j], [-1-1j, 4.0]]).T) == 4.0
# run: real_sum(np.array([1.5, 2.5], dtype=np.float32)) == 4.0
# run: set_imag(np.array([[1+2j, 3j], [-1-1j, 4.0]]).T, 7.5) == np.array([[(1.0+7.5j), (-1.0+7.5j)], [(0.0+7.5j), (4.0+7.5j)]], dtype=np.complex128) ; arg0 == np.array([[(1.0+7.5j), (-1.0+7.5j)], [(0.0+7.5j), (4.0+7.5j)]], dtype=np.complex128)
# run: set_imag(np.zeros(4, dtype=np.complex64)[1:3], -1.0) == np.array([(0.0-1.0j), (0.0-1.0j)], dtype=np.complex64) ; arg0 == np.array([(0.0-1.0j), (0.0-1.0j)], dtype=np.complex64)
# run: imag_item(np.array([1+2j, 3j, -1-1j]), -1) == -1.0
# run: conj_by_views(np.array([[1+2j, 3j], [-1-1j, 4.0+0.5j]])) == np.array([[(1.0-2.0j), (0.0-3.0j)], [(-1.0+1.0j), (4.0-0.5j)]], dtype=np.complex128)
# run: conj_by_views(np.asfortranarray(np.array([[1+2j, 3j], [-1-1j, 4.0+0.5j]]))) == np.array([[(1.0-2.0j), (0.0-3.0j)], [(-1.0+1.0j), (4.0-0.5j)]], dtype=np.complex128)


def flat_len(a):
    return len(a.flat)


def flat_first_negative(a):
    # the first negative element in C order, or 0
    for x in a.flat:
        if x < 0:
            return x
    return 0


def flat_pairs(a, b):
    s = 0.0
    for i, (x, y) in enumerate(zip(a.flat, b.flat)):
        s += i * x * y
    return s


def flat_fill_negative(a, v):
    f = a.flat
    for i in range(-1, -len(f) - 1, -1):
        f[i] = v * i
    return a


def flat_write_readonly(a):
    a.flat[0] = 1.0
    return a


# Numba's a.flat[i] does not wrap negative positions (reads another element)
# run[numjit-only]: flat_index(np.arange(12).reshape(3, 4).T, -1) == 11
# run: flat_index(np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::-1, 1::2], 7) == 23
# run: flat_index(np.array([1+2j, 3j, -1-1j]), 2) == (-1.0-1.0j)
# run: flat_index(np.array(2.5), 0) == 2.5
# Numba's a.flat[i] does not wrap negative positions (reads another element)
# run[numjit-only]: flat_index(np.array(2.5, dtype=np.float32), -1) == 2.5
# run: flat_index(readonly(np.array([[True, False], [False, True]]).T), 1) == False
# Numba does not bounds-check a.flat[i], even with boundscheck=True
# run[boundscheck=True, numjit-only]: flat_index(np.arange(6).reshape(2, 3), 6) raises IndexError
# Numba does not bounds-check a.flat[i], even with boundscheck=True
# run[boundscheck=True, numjit-only]: flat_index(np.arange(6).reshape(2, 3).T, -7) raises IndexError
# run: flat_sum(np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4))) == 276
# run: flat_sum(np.array([[1+2j, 3j], [-1-1j, 4.0]]).T) == (4.0+4.0j)
# run[numba-semantics]: flat_sum(np.zeros((3, 0))) == 0.0
# run: flat_sum(np.array(7)) == 7
# run: flat_len(np.arange(24).reshape(2, 3, 4)[:, ::2]) == 16
# run: flat_len(np.array(1.5)) == 1
# run: flat_len(np.zeros((2, 0))) == 0
# run: flat_first_negative(np.array([[1.0, 2.0], [-3.0, -4.0]]).T) == -3.0
# run: flat_first_negative(np.array([[1, 2], [3, 4]], dtype=np.int32)) == 0
# run: flat_pairs(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2).T) == 200.0
# run: flat_pairs(np.arange(4, dtype=np.float32), np.ones((2, 3))[:, ::2]) == 14.0
# Numba's a.flat[i] = v does not wrap negative positions
# run[numjit-only]: flat_fill_negative(np.zeros((2, 3)).T, 1.5) == np.array([[-9.0, -7.5], [-6.0, -4.5], [-3.0, -1.5]], dtype=np.float64) ; arg0 == np.array([[-9.0, -7.5], [-6.0, -4.5], [-3.0, -1.5]], dtype=np.float64)
# run: flat_fill_negative(np.zeros((2, 2, 2), dtype=np.int32)[:, ::-1], 2) == np.array([[[-16, -14], [-12, -10]], [[-8, -6], [-4, -2]]], dtype=np.int32) ; arg0 == np.array([[[-16, -14], [-12, -10]], [[-8, -6], [-4, -2]]], dtype=np.int32)
# run: flat_fill_negative(np.zeros(4, dtype=np.complex128)[::2], 1.0) == np.array([(-2.0+0.0j), (-1.0+0.0j)], dtype=np.complex128) ; arg0 == np.array([(-2.0+0.0j), (-1.0+0.0j)], dtype=np.complex128)
# run: flat_set(np.zeros((2, 2, 3))[:, :, ::2]) == np.array([[[0.0, 10.0], [20.0, 30.0]], [[40.0, 50.0], [60.0, 70.0]]], dtype=np.float64) ; arg0 == np.array([[[0.0, 10.0], [20.0, 30.0]], [[40.0, 50.0], [60.0, 70.0]]], dtype=np.float64)
# Numba lets a.flat[i] = v write to a readonly array
# compile-error[numjit-only]: [readonly-array] flat_write_readonly(readonly(np.zeros(3)))


def flat_either(a, transposed):
    f = a.T.flat if transposed else a.flat
    return f[1] + f[len(f) - 1]


def flat_of_rows(a):
    # a.flat of each row view, joined across iterations
    total = 0.0
    for row in a:
        f = row.flat
        total += f[0]
    return total


# Numba cannot unify a.flat of a C and an F array (TypingError)
# run[numjit-only]: flat_either(np.arange(6.0).reshape(2, 3), True) == 8.0
# Numba cannot unify a.flat of a C and an F array (TypingError)
# run[numjit-only]: flat_either(np.arange(6.0).reshape(2, 3), False) == 6.0
# run: flat_either(np.arange(12, dtype=np.int32).reshape(2, 2, 3)[:, ::-1], True) == 17
# run: flat_of_rows(np.arange(12.0).reshape(4, 3).T) == 3.0
