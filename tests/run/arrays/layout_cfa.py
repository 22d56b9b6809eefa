# One kernel, three layouts: C-contiguous, F-contiguous and non-contiguous
# (strided, reversed) inputs of 1 to 3 dimensions give the same results;
# results of compiled code are C-contiguous unless they are views.
import numpy as np


def weighted_sum_2d(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] * (i + 1) - j
    return s


def laplacian(a):
    out = np.zeros(a.shape)
    for i in range(1, a.shape[0] - 1):
        for j in range(1, a.shape[1] - 1):
            out[i, j] = a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1] - 4 * a[i, j]
    return out


def sum_3d(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k] * (i - j + k)
    return s


def flags_of(a):
    return (a.flags.c_contiguous, a.flags.f_contiguous)


def new_array_layout(a):
    b = a + 1
    return (b.flags.c_contiguous, b.strides)


def copy_layout(a):
    b = a.copy()
    return b.strides


# run: weighted_sum_2d(np.arange(12.0).reshape(3, 4)) == 146.0
# run: weighted_sum_2d(np.asfortranarray(np.arange(12.0).reshape(3, 4))) == 146.0
# run: weighted_sum_2d(np.arange(12.0).reshape(4, 3).T) == 122.0
# run: weighted_sum_2d(np.arange(40.0).reshape(5, 8)[::2, 1::2]) == 590.0
# run: weighted_sum_2d(np.arange(12.0).reshape(3, 4)[::-1, ::-1]) == 82.0
# run: laplacian(np.array([[0.0, 1.0, 4.0, 9.0], [16.0, 25.0, 36.0, 49.0], [64.0, 81.0, 100.0, 121.0], [144.0, 169.0, 196.0, 225.0]])) == np.array([[0.0, 0.0, 0.0, 0.0], [0.0, 34.0, 34.0, 0.0], [0.0, 34.0, 34.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float64)
# run: laplacian(np.asfortranarray(np.arange(16.0).reshape(4, 4))) == np.array([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float64)
# run: laplacian(np.arange(25.0).reshape(5, 5)[::-2, ::2]) == np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float64)
# run: sum_3d(np.arange(24).reshape(2, 3, 4)) == 314
# run: sum_3d(np.asfortranarray(np.arange(24).reshape(2, 3, 4))) == 314
# run: sum_3d(np.arange(24).reshape(4, 3, 2).T) == 430
# run: sum_3d(np.arange(48, dtype=np.int32).reshape(4, 3, 4)[::2, :, ::-1]) == 470
# run: flags_of(np.zeros((2, 3))) == (True, False)
# run: flags_of(np.zeros((2, 3)).T) == (False, True)
# run: flags_of(np.zeros((4, 4))[::2, ::2]) == (False, False)
# run: flags_of(np.zeros(3)) == (True, True)
# run: new_array_layout(np.zeros((2, 3)).T) == (False, (8, 24))
# run: copy_layout(np.zeros((2, 3), dtype=np.int32).T) == (8, 4)


def all_flags(a):
    return (a.flags.contiguous, a.flags.c_contiguous, a.flags.f_contiguous)


def writeable_of(a):
    return a.flags.writeable


def copy_if_not_c(a):
    if a.flags.c_contiguous:
        return a
    return a.copy()


# run: all_flags(np.zeros((2, 3, 4)).T) == (False, False, True)
# run: all_flags(np.asfortranarray(np.zeros((2, 3, 4), dtype=np.int32))) == (False, False, True)
# run: all_flags(np.array(1.5)) == (True, True, True)
# Numba computes f_contiguous of an empty array from its strides (False); NumPy says True
# run[numjit-only]: all_flags(np.zeros((3, 0))) == (True, True, True)
# run: all_flags(np.arange(10)[1:]) == (True, True, True)
# run: all_flags(np.arange(10)[::2]) == (False, False, False)
# run: all_flags(np.arange(12).reshape(3, 4)[:, :1]) == (False, False, False)
# run: all_flags(np.arange(12).reshape(3, 4)[1:2, :]) == (True, True, True)
# run: all_flags(np.arange(24.0).reshape(2, 3, 4)[:, ::-1]) == (False, False, False)
# run: all_flags(readonly(np.array([True, False]))) == (True, True, True)
# run: all_flags(np.array([1+2j, 3j]).T) == (True, True, True)
# run: copy_if_not_c(np.arange(6.0).reshape(2, 3)) == np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], dtype=np.float64) ; view of arg0
# run: copy_if_not_c(np.arange(6.0).reshape(2, 3).T) == np.array([[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]], dtype=np.float64) ; not view of arg0
# Numba has no flags.writeable (TypingError: Unknown attribute 'writeable' of type ArrayFlags)
# run[numjit-only]: writeable_of(np.zeros(3)) == True
# Numba has no flags.writeable (TypingError: Unknown attribute 'writeable' of type ArrayFlags)
# run[numjit-only]: writeable_of(readonly(np.zeros((2, 2)).T)) == False
