# np.kaiser and np.i0 (NumPy's Cephes Chebyshev series).
import numpy as np


def kaiser(n, beta):
    return np.kaiser(n, beta)


def i0(x):
    return np.i0(x)


# run: kaiser(6, 14.0) ~= np.array([7.726866835270368e-06, 0.06815374319396057, 0.7615093990873935, 0.7615093990873935, 0.06815374319396057, 7.726866835270368e-06], dtype=np.float64)
# run: kaiser(5, 0.0) ~= np.array([1.0, 1.0, 1.0, 1.0, 1.0], dtype=np.float64)
# run: kaiser(1, 3.0) == np.array([1.0], dtype=np.float64)
# run: kaiser(0, 3.0) == np.array([], dtype=np.float64)
# run: kaiser(7, 5) ~= np.array([0.036710892271286676, 0.3282019573723212, 0.7753221044454067, 1.0, 0.7753221044454067, 0.3282019573723212, 0.036710892271286676], dtype=np.float64)
# run[numjit-only]: i0(np.array([0.0, 1.0, -2.5, 8.0, 9.0, 30.0])) ~= np.array([1.0, 1.2660658777520082, 3.289839144050123, 427.56411572180474, 1093.5883545113745, 781672297823.9775], dtype=np.float64)
# run[numjit-only]: i0(np.array([0, 1, 9], dtype=np.int32)) ~= np.array([1.0, 1.2660658777520082, 1093.5883545113745], dtype=np.float64)
# run[numjit-only]: i0(np.array([1.0, 10.0], dtype=np.float32)) ~= np.array([1.2660661, 2815.7168], dtype=np.float32)
# run[numjit-only]: i0(np.arange(6.0).reshape(2, 3).T) ~= np.array([[1.0, 4.880792585865024], [1.2660658777520082, 11.30192195213633], [2.279585302336067, 27.239871823604442]], dtype=np.float64)
# run[numjit-only]: i0(0.5) ~= np.array(1.0634833707413234, dtype=np.float64)
# compile-error: [invalid-operand] i0(np.array([1j]))
