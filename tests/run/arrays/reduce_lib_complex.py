# max/min of complex arrays: NumPy's lexicographic order (real part, then imaginary
# part), a NaN in either part propagates; with axis= too.
import numpy as np


def np_max(a):
    return np.max(a)


def np_min(a):
    return np.min(a)


def max_method(a):
    return a.max()


def amin_axis(a, axis):
    return np.amin(a, axis=axis)


def max_axis(a, axis):
    return a.max(axis=axis)


# run: np_max(np.array([1 + 1j, 1 + 2j, 0.5 + 3j])) == (1.0+2.0j)
# run: np_min(np.array([1 + 1j, 1 + 2j, 0.5 + 3j])) == (0.5+3.0j)
# run: np_max(np.array([2 - 1j, 2 - 3j, -5 + 9j])) == (2.0-1.0j)
# run: np_min(np.array([2 - 1j, 2 - 3j, -5 + 9j], dtype=np.complex64)) == (-5.0+9.0j)
# run[numjit-only]: np_max(np.array([1 + 1j, complex(nan, 0.0), 3 + 0j])) == complex(nan, 0.0)
# run: np_min(np.array([1 + 1j, complex(0.0, nan), 3 + 0j])) == complex(0.0, nan)
# run: max_method(np.array([[1j, 2j], [3j, -1 + 5j]]).T) == (0.0+3.0j)
# run: np_max(np.array([0j])) == (0.0+0.0j)
# run: np_max(np.array([], dtype=np.complex128)) raises ValueError
# run[numjit-only]: amin_axis(np.array([[1 + 1j, 1 - 1j], [0 + 5j, 2 + 0j]]), 0) == np.array([(0.0+5.0j), (1.0-1.0j)], dtype=np.complex128)
# run[numjit-only]: max_axis(np.array([[1 + 1j, 1 - 1j], [0 + 5j, 2 + 0j]]), 1) == np.array([(1.0+1.0j), (2.0+0.0j)], dtype=np.complex128)
