# Compile errors the types decide: writing to a readonly array, indices the
# array's type cannot take, operators and ufuncs with no loop for the dtypes,
# wrong arguments, arrays of mismatched ndim where the result type needs them
# equal.
import numpy as np


def write_first(a):
    a[0] = 1.0
    return a


def add_in_place(a):
    a += 1.0
    return a


def fill_readonly(a):
    a.fill(0.0)


def sort_readonly(a):
    a.sort()


def scale_tail(a):
    a[1:] *= 2.0


def too_many(a):
    return a[0, 0]


def float_index(a):
    return a[1.5]


def mask_2d_on_1d(a, m):
    return a[m]


def shift_floats(a):
    return a << 1


def invert_floats(a):
    return ~a


def floor_complex(a):
    return np.floor(a)


def mod_complex(a, b):
    return a % b


def arctan2_complex(a):
    return np.arctan2(a, a)


def reshape_no_args(a):
    return a.reshape()


def zeros_no_shape():
    return np.zeros()


def sum_two_positional(a):
    return np.sum(a, 0, 1, 2)


def concat_ndim(a, b):
    return np.concatenate((a, b))


def tuple_plus_array(a):
    return (1, 2) + a


def index_by_tuple_of_floats(a):
    return a[(0.5, 1.5)]


# compile-error: [readonly-array] write_first(readonly(np.zeros(3)))
# Numba crashes while compiling it (AttributeError), no TypingError
# compile-error[numjit-only]: [readonly-array] add_in_place(readonly(np.zeros((2, 2))))
# compile-error: [readonly-array] fill_readonly(readonly(np.zeros(3)))
# compile-error: [readonly-array] sort_readonly(readonly(np.array([3.0, 1.0])))
# Numba crashes while compiling it (AttributeError), no TypingError
# compile-error[numjit-only]: [readonly-array] scale_tail(readonly(np.ones(3)))
# compile-error: [invalid-index] too_many(np.zeros(3))
# compile-error: [invalid-index] float_index(np.zeros(3))
# Numba crashes while compiling it (AssertionError in its mask lowering)
# compile-error[numjit-only]: [invalid-index] mask_2d_on_1d(np.zeros(4), np.array([[True, False], [False, True]]))
# compile-error: [invalid-index] index_by_tuple_of_floats(np.zeros((2, 2)))
# compile-error: [invalid-operand] shift_floats(np.zeros(3))
# compile-error: [invalid-operand] invert_floats(np.zeros(3))
# compile-error: [invalid-operand] floor_complex(np.zeros(2, dtype=np.complex128))
# compile-error: [invalid-operand] mod_complex(np.zeros(2, dtype=np.complex128), np.ones(2))
# compile-error: [invalid-operand] arctan2_complex(np.zeros(2, dtype=np.complex128))
# compile-error: [wrong-arguments] reshape_no_args(np.zeros(4))
# compile-error: [wrong-arguments] zeros_no_shape()
# compile-error: [wrong-arguments] sum_two_positional(np.zeros(4))
# compile-error: [type-mismatch] concat_ndim(np.zeros(3), np.zeros((2, 3)))
# compile-error: [type-mismatch] tuple_plus_array(np.zeros(2))
# readonly arrays can be read
# run: too_many(readonly(np.arange(6.0).reshape(2, 3))) == 0.0
