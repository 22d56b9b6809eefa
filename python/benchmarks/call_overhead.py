"""Call overhead of numjit against Numba for no-op functions, in one process.

    target/python-venv/bin/python python/benchmarks/call_overhead.py

Build the package with ``maturin develop --release`` first (a debug build is several
times slower). Each figure is the best of 60 timeit runs of 20,000 calls; numjit and
Numba alternate, so a busy machine slows both alike.
"""
import sys
import timeit

import numpy as np

from numjit import njit

try:
    import numba
except ImportError:  # pragma: no cover
    sys.exit("Numba is not installed: nothing to compare with")


def identity(a):
    return a


def first_row(a):
    return a[0]


def same_int(n):
    return n


def three_scalars(a, b, c):
    return a + b * c


def copy_first(a, out):
    out[0] = a[0]
    return out


CASES = [
    ("f(a): return a (1-d float64)", identity, (np.arange(100.0),)),
    ("g(a): return a[0] (view of 2-d)", first_row, (np.arange(100.0).reshape(10, 10),)),
    ("h(n): return n (int)", same_int, (1,)),
    ("k(1.0, 2, 3.0): a + b * c", three_scalars, (1.0, 2, 3.0)),
    ("m(a, out): out[0] = a[0]; out", copy_first, (np.arange(100.0), np.zeros(100))),
]


def main(number=20_000, rounds=60):
    print("numpy %s, numba %s, python %s" % (np.__version__, numba.__version__, sys.version.split()[0]))
    for name, function, arguments in CASES:
        ours, theirs = njit(function), numba.njit(function)
        ours(*arguments), theirs(*arguments)
        call = "f(%s)" % ", ".join("x%d" % index for index in range(len(arguments)))
        names = {"x%d" % index: argument for index, argument in enumerate(arguments)}
        timers = [timeit.Timer(call, globals=dict(names, f=f)) for f in (ours, theirs)]
        best = [float("inf"), float("inf")]
        for _ in range(rounds):
            for index, timer in enumerate(timers):
                best[index] = min(best[index], timer.timeit(number))
        ns = [seconds / number * 1e9 for seconds in best]
        print("%-34s numjit %5.0f ns  numba %5.0f ns  ratio %.2f" % (name, ns[0], ns[1], ns[0] / ns[1]))


if __name__ == "__main__":
    main()
