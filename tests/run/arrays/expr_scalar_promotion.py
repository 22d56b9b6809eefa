# Arrays of narrow dtypes combined with Python scalars: NumPy 2 treats the
# scalar as "weak" (int32 array + 1 stays int32); Numba 0.68.1 types the
# scalar as int64/float64 and promotes.  The corpus follows Numba here
# (a static compiler knows the scalar's type, not whether it came from a
# literal): these lines are numba-semantics.
import numpy as np


def add_one(a):
    return a + 1


def times_half(a):
    return a * 0.5


def add_scalar(a, s):
    return a + s


# run[numba-semantics]: add_one(np.array([1, 2], dtype=np.int32)) == np.array([2, 3], dtype=np.int64)
# run[numba-semantics]: times_half(np.array([1.0, 3.0], dtype=np.float32)) == np.array([0.5, 1.5], dtype=np.float64)
# run[numba-semantics]: add_scalar(np.array([1.0, 3.0], dtype=np.float32), 2.0) == np.array([3.0, 5.0], dtype=np.float64)
# run: add_scalar(np.array([True, False]), 1) == np.array([2, 1], dtype=np.int64)
# same kind, same width: no promotion question
# run: add_one(np.array([1, 2])) == np.array([2, 3], dtype=np.int64)
# run: times_half(np.array([1.0, 3.0])) == np.array([0.5, 1.5], dtype=np.float64)
# run: add_scalar(np.array([1j]), 2.0) == np.array([(2.0+1.0j)], dtype=np.complex128)
# run: add_scalar(np.array([1, 2]), 0.5) == np.array([1.5, 2.5], dtype=np.float64)
# run: add_scalar(np.array([1.5], dtype=np.float32), np.float32(2.0)) == np.array([3.5], dtype=np.float32)
# run: add_scalar(np.array([7], dtype=np.int32), np.int32(-3)) == np.array([4], dtype=np.int32)
