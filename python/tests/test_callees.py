"""Calls between compiled functions defined inside other functions (closures), and
`prange` reached through a module bound to a name (`jit.prange`), as the shared bench
kernels write them."""
import numpy as np

import numjit


def make_fractal(jit):
    @jit.njit
    def escape(x, y, iters):
        c = complex(x, y)
        z = 0.0j
        for i in range(iters):
            z = z * z + c
            if (z.real * z.real + z.imag * z.imag) >= 4:
                return i
        return 255

    @jit.njit(parallel=True)
    def fractal(image, iters):
        height = image.shape[0]
        width = image.shape[1]
        for x in jit.prange(width):
            for y in range(height):
                image[y, x] = escape(-2.0 + 3.0 * x / width, -1.0 + 2.0 * y / height, iters)
        return image

    return fractal


def reference(image, iters):
    height, width = image.shape
    for x in range(width):
        for y in range(height):
            c = complex(-2.0 + 3.0 * x / width, -1.0 + 2.0 * y / height)
            z = 0.0j
            value = 255
            for i in range(iters):
                z = z * z + c
                if (z.real * z.real + z.imag * z.imag) >= 4:
                    value = i
                    break
            image[y, x] = value
    return image


def test_closure_dispatchers_and_module_prange():
    fractal = make_fractal(numjit)
    got = fractal(np.zeros((20, 30), dtype=np.uint8), 30)
    expected = reference(np.zeros((20, 30), dtype=np.uint8), 30)
    assert got.dtype == np.uint8
    np.testing.assert_array_equal(got, expected)


def test_callee_chain_through_closures():
    @numjit.njit
    def square(x):
        return x * x

    @numjit.njit
    def norm2(a):
        s = 0.0
        for v in a:
            s += square(v)
        return s

    @numjit.njit
    def scaled_norm(a, k):
        return k * norm2(a)

    a = np.arange(5.0)
    assert scaled_norm(a, 2.0) == 2.0 * float(np.sum(a * a))
