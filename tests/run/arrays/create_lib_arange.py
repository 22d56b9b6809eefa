# np.arange with complex arguments: NumPy takes the length as the smaller of the ceilings
# of the real and imaginary parts of (stop - start) / step (often empty).
import numpy as np


def arange1(a):
    return np.arange(a)


def arange2(a, b):
    return np.arange(a, b)


def arange3(a, b, c):
    return np.arange(a, b, c)


# run: arange3(1 + 1j, 3, 0.5) == np.array([], dtype=np.complex128)
# run: arange2(1j, 2 + 3j) == np.array([(0.0+1.0j), (1.0+1.0j)], dtype=np.complex128)
# run: arange3(0j, 4 + 4j, 1 + 1j) == np.array([], dtype=np.complex128)
# run: arange3(0, 2 + 6j, 0.5 + 1.5j) == np.array([], dtype=np.complex128)
# run: arange1(3 + 0j) == np.array([], dtype=np.complex128)
# run: arange1(3 + 5j) == np.array([(0.0+0.0j), (1.0+0.0j), (2.0+0.0j)], dtype=np.complex128)
# run: arange3(-1 - 1j, -3 - 5j, -0.5 - 1j) == np.array([], dtype=np.complex128)
# run[numjit-only]: arange3(1j, 2j, 0j) raises ZeroDivisionError
# run: arange3(0, 3 + 3j, 1 + 0.5j) == np.array([(0.0+0.0j), (1.0+0.5j)], dtype=np.complex128)
