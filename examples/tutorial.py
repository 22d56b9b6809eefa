"""The seed tutorial's one-minute example and its correct-reduction examples, run with
plain Python, NumPy, numjit and (when installed) Numba, results checked equal.

    python examples/tutorial.py            # what `cargo xtask demo` runs

Compile time is never counted as run time: every compiled function is called once first.
`parallel=True` is accepted; prange runs serially until numjit's parallel loops land.
"""
import sys
import time

import numpy as np

import numjit


def define(jit):
    """The tutorial's kernels, decorated by `jit` (numjit or numba)."""

    @jit.njit(fastmath=True, parallel=True, nogil=True)
    def numba_loop(arr):
        bias = 2
        total = 0.0
        for x in jit.prange(len(arr)):
            total += np.sqrt(x)
        return bias + total

    @jit.njit(fastmath=True, parallel=True, nogil=True)
    def numba_arr(arr):
        return 2 + np.sum(np.sqrt(arr))

    @jit.njit(parallel=True)
    def prange_ok_result_whole_arr(x):
        n = x.shape[0]
        y = np.zeros(4)
        for i in jit.prange(n):
            y += x[i]
        return y

    @jit.njit(parallel=True)
    def prange_ok_result_outer_slice(x):
        n = x.shape[0]
        y = np.zeros(4)
        z = y[:]
        for i in jit.prange(n):
            z += x[i]
        return y

    @jit.njit(parallel=True)
    def two_d_array_reduction_prod(n):
        shp = (13, 17)
        result1 = 2 * np.ones(shp, np.int_)
        tmp = 2 * np.ones_like(result1)
        for i in jit.prange(n):
            result1 *= tmp
        return result1

    return {
        "numba_loop": numba_loop,
        "numba_arr": numba_arr,
        "prange_ok_result_whole_arr": prange_ok_result_whole_arr,
        "prange_ok_result_outer_slice": prange_ok_result_outer_slice,
        "two_d_array_reduction_prod": two_d_array_reduction_prod,
    }


def python_loop(arr):
    bias = 2
    total = 0.0
    for x in range(len(arr)):
        total += np.sqrt(x)
    return bias + total


def best_of(fn, args, repeat=5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def main():
    implementations = {"numjit": define(numjit)}
    try:
        import numba
    except ImportError:
        print("(Numba is not installed: pip install numba to compare)")
    else:
        implementations["numba"] = define(numba)

    arr = np.arange(10_000_000)
    print("The one-minute example, arr = np.arange(10_000_000):")
    small = arr[:100_000]
    started = time.perf_counter()
    expected_small = python_loop(small)
    python_time = (time.perf_counter() - started) * 100
    print(f"  plain Python loop      {python_time:9.4f} s  (measured on 1e5 elements, x100)")
    numpy_time, expected = best_of(lambda a: 2 + np.sum(np.sqrt(a)), (arr,))
    print(f"  NumPy                  {numpy_time:9.4f} s")
    ok = True
    for name, kernels in implementations.items():
        for form in ("numba_loop", "numba_arr"):
            fn = kernels[form]
            started = time.perf_counter()
            fn(arr)
            first = time.perf_counter() - started
            steady, result = best_of(fn, (arr,))
            equal = np.isclose(result, expected, rtol=1e-9)
            ok &= bool(equal)
            print(f"  {name + ' ' + form:22} {steady:9.4f} s  (first call {first:.3f} s)  {'equal' if equal else 'DIFFERENT'}")
    if not np.isclose(implementations["numjit"]["numba_loop"](small), expected_small, rtol=1e-9):
        ok = False

    print("Correct reductions in prange loops:")
    x = np.random.default_rng(0).integers(-100, 100, size=(100_000, 4))
    cases = [
        ("prange_ok_result_whole_arr", (x,), x.sum(axis=0).astype(np.float64)),
        ("prange_ok_result_outer_slice", (x,), x.sum(axis=0).astype(np.float64)),
        ("two_d_array_reduction_prod", (10,), np.full((13, 17), 2 ** 11)),
    ]
    for form, args, reference in cases:
        for name, kernels in implementations.items():
            fn = kernels[form]
            fn(*args)
            steady, result = best_of(fn, args)
            equal = np.array_equal(result, reference)
            ok &= bool(equal)
            print(f"  {name + ' ' + form:42} {steady:9.5f} s  {'equal' if equal else 'DIFFERENT'}")
    if not ok:
        print("tutorial: results differ")
        return 1
    print("tutorial: all results equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
