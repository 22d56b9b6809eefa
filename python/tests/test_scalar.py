"""The Python package on scalar code: decorator forms, dispatch, globals, errors.

Every compiled function is compared with the undecorated function run by CPython (its
``py_func``), and with Numba when Numba is installed.
"""
import cmath
import math
import os
import subprocess
import sys
import threading
import time
import types

import pytest

import numjit
from numjit import njit, prange

try:
    import numba
except ImportError:  # pragma: no cover - Numba is optional
    numba = None

SCALE = 3
OFFSET = (1.5, 2)


def check(dispatcher, *args):
    """The compiled result equals CPython's, type included (and Numba's when present)."""
    got = dispatcher(*args)
    want = dispatcher.py_func(*args)
    assert type(got) is type(want), (got, want)
    if isinstance(want, float) and math.isnan(want):
        assert math.isnan(got)
    else:
        assert got == want, (got, want)
    if numba is not None:
        assert numba_version(dispatcher.py_func)(*args) == got
    return got


def numba_version(func):
    """``numba.njit`` of a copy of ``func`` whose numjit callees are Numba's too."""
    scope = dict(func.__globals__)
    for name in func.__code__.co_names:
        value = func.__globals__.get(name)
        if isinstance(value, numjit.Dispatcher):
            scope[name] = numba_version(value.py_func)
        elif value is prange:
            scope[name] = numba.prange
    clone = types.FunctionType(func.__code__, scope, func.__name__, func.__defaults__, func.__closure__)
    return numba.njit(clone)


@njit
def poly(x):
    return SCALE * x * x + OFFSET[0] * x + OFFSET[1]


@njit
def calls_poly(n):
    s = 0.0
    for i in range(n):
        s += poly(i)
    return s


@njit(fastmath=True, error_model="numpy")
def with_options(a, b):
    return a / b


@njit("float64(int64, float64)")
def eager(a, b):
    return a * b


@njit(["int64(int64)", "float64(float64)"])
def two_signatures(x):
    return x + x


@njit
def parallel_sum(n):
    acc = 0
    for i in prange(n):
        acc += i * i
    return acc


@njit
def maths(x, z):
    return math.hypot(x, 2.0) + math.gamma(x), cmath.sqrt(z)


@njit
def divide(a, b):
    return a // b


@njit
def asserting(x):
    assert x > 0, "x must be positive"
    return x


@njit
def raising(x):
    if x < 0:
        raise ValueError("negative input")
    return x


@njit
def type_error(x):
    return x + (1, 2)


@njit
def unsupported(x):
    return [x]


def test_scalars_and_globals_match_cpython():
    check(poly, 3)
    check(poly, 2.5)
    check(calls_poly, 10)
    check(parallel_sum, 1000)
    check(maths, 3.5, 1 + 2j)


def test_decorator_forms():
    assert with_options(1.0, 0.0) == math.inf
    assert eager.signatures == ["float64(int64, float64)"]
    assert eager(2, 1.5) == 3.0
    assert two_signatures(2) == 4 and two_signatures(2.5) == 5.0
    assert set(two_signatures.signatures) == {"int64(int64)", "float64(float64)"}
    with pytest.raises(TypeError):
        two_signatures((1, 2))

    @njit()
    def empty_parens(x):
        return x - 1

    assert empty_parens(1) == 0
    assert numjit.jit(nopython=True)(lambda_free)(3) == 9


def lambda_free(x):
    return x * x


def test_lazy_specialisation_per_type():
    @njit
    def double(x):
        return x * 2

    assert double(2) == 4
    assert double(2.5) == 5.0
    assert double(True) == 2
    assert double(1 + 1j) == 2 + 2j
    assert len(double.signatures) == 4
    assert double.py_func(3) == 6


def test_exceptions_from_compiled_code():
    with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
        divide(1, 0)
    with pytest.raises(AssertionError, match="x must be positive"):
        asserting(-1)
    with pytest.raises(ValueError, match="negative input"):
        raising(-2)
    assert raising(2) == 2


def test_compile_errors_point_at_the_line():
    with pytest.raises(numjit.TypingError) as info:
        type_error(1)
    message = str(info.value)
    assert "type-mismatch" in message
    assert __file__ in message
    # co_firstlineno is the decorator's line; the return statement is two below.
    line = type_error.py_func.__code__.co_firstlineno + 2
    assert ":%d:" % line in message
    assert "\x1b[" not in message
    with pytest.raises(numjit.UnsupportedError):
        unsupported(1)
    assert issubclass(numjit.UnsupportedError, numjit.TypingError)
    assert issubclass(numjit.TypingError, numjit.NumjitError)
    assert numjit.errors.TypingError is numjit.TypingError


def test_bad_options_and_signatures():
    with pytest.raises(TypeError, match="fastmaths"):
        njit(fastmaths=True)
    with pytest.raises(ValueError):
        njit(error_model="fast")(lambda_free)(1)
    with pytest.raises(ValueError):
        njit("float64(int64")(lambda_free)
    with pytest.raises(TypeError):
        njit(42)


def test_closures_and_inner_functions():
    k = 4

    @njit
    def add_k(x):
        return x + k

    assert add_k(1) == 5

    def factory(scale):
        @njit
        def scaled(x):
            return x * scale

        return scaled

    assert factory(2)(3) == 6
    assert factory(0.5)(3) == 1.5


def test_wrong_argument_values():
    @njit
    def identity(x):
        return x

    with pytest.raises(TypeError, match="str"):
        identity("text")
    with pytest.raises(OverflowError):
        identity(2**70)
    assert identity(2**63) == 2**63
    assert identity((1, (2.5, None))) == (1, (2.5, None))


def test_numpy_scalars():
    np = pytest.importorskip("numpy")

    @njit
    def twice(x):
        return x + x

    assert twice(np.float32(1.5)) == 3.0  # float32 arithmetic, returned as a Python float
    assert twice(np.int32(7)) == 14
    assert twice(np.float64(0.25)) == 0.5


def test_types_and_typeof():
    types = numjit.types

    assert str(numjit.typeof(1)) == "int64"
    assert str(numjit.typeof(1.0)) == "float64"
    assert str(numjit.typeof((1, 2))) == "UniTuple(int64, 2)"
    assert str(types.float64(types.int64, types.float64[:, ::1])) == "float64(int64, float64[:, ::1])"

    @njit(types.float64(types.int64))
    def typed(x):
        return x / 2

    assert typed(3) == 1.5


def spin_source(n):
    acc = 0.0
    for i in range(n):
        acc += math.sin(i)
    return acc


def python_progress_during(dispatcher, n, n_threads):
    """How many times the main thread ran Python code while ``n_threads`` threads were
    inside the compiled call, and the results they got."""
    started = threading.Barrier(n_threads + 1)
    results = []

    def work():
        started.wait()
        results.append(dispatcher(n))

    threads = [threading.Thread(target=work) for _ in range(n_threads)]
    for thread in threads:
        thread.start()
    started.wait()
    progress = 0
    while any(thread.is_alive() for thread in threads):
        progress += 1
    for thread in threads:
        thread.join()
    return progress, results


def test_nogil_releases_the_gil():
    # With the GIL held, the main thread cannot run while a compiled call is in progress;
    # with nogil=True it runs alongside four concurrent calls. (No timing involved.)
    holding = njit(spin_source)
    releasing = njit(nogil=True)(spin_source)
    n = 20_000_000
    holding(10), releasing(10)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # less slack before a holding worker takes the GIL
    try:
        held, _ = python_progress_during(holding, n, 1)
        released, results = python_progress_during(releasing, n, 4)
    finally:
        sys.setswitchinterval(interval)
    assert len(set(results)) == 1 and len(results) == 4
    assert released > 10 * (held + 10), (held, released)


def most_threads_inside(dispatcher, n, n_threads):
    """The most of ``n_threads`` threads the main thread saw inside a call of
    ``dispatcher(n)`` at one instant.

    Each thread marks itself inside right before the call and outside right after; the main
    thread reads the marks between short sleeps. The switch interval is set far beyond the
    test's length, so the GIL only changes hands when a thread gives it up (a sleep, a
    barrier, a compiled call that releases it): a thread that holds the GIL through its call
    is never seen inside by the main thread while another one is. Observations, not
    durations: nothing depends on how fast the machine is.
    """
    started = threading.Barrier(n_threads)
    inside = [False] * n_threads
    done = []

    def work(index):
        started.wait()
        inside[index] = True
        done.append(dispatcher(n))
        inside[index] = False

    threads = [threading.Thread(target=work, args=(index,)) for index in range(n_threads)]
    most = 0
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            most = max(most, sum(inside))
            time.sleep(0.0005)
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(done) == n_threads and len(set(done)) == 1
    return most


def test_nogil_calls_overlap_in_four_threads():
    # With nogil=True four threads are inside the compiled call at once; without it the GIL
    # is held for the whole call, as in Numba, so at most one is.
    releasing = njit(nogil=True)(spin_source)
    holding = njit(spin_source)
    releasing(10), holding(10)
    n = 2_000_000
    assert most_threads_inside(holding, n, 4) <= 1
    # A call has to last long enough for all four threads to get into theirs: on a
    # loaded machine one may not be scheduled before the first call ends, so a miss
    # retries with a kernel twice as long.
    for _ in range(5):
        most = most_threads_inside(releasing, n, 4)
        if most == 4:
            break
        n *= 2
    assert most == 4


def test_disable_jit_and_sysinfo():
    code = "import numjit\n@numjit.njit\ndef f(x):\n    return x\nprint(f is f.__wrapped__ if hasattr(f, '__wrapped__') else type(f).__name__)\n"
    env = dict(os.environ, NUMJIT_DISABLE_JIT="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "function"
    out = subprocess.run([sys.executable, "-m", "numjit", "-s"], capture_output=True, text=True, check=True)
    assert "LLVM" in out.stdout


def test_source_must_be_retrievable():
    namespace = {}
    exec("def f(x):\n    return x\n", namespace)
    compiled = njit(namespace["f"])
    with pytest.raises(numjit.TypingError, match="source"):
        compiled(1)


def test_threads_compile_concurrently():
    @njit
    def square(x):
        return x * x

    results = []
    threads = [threading.Thread(target=lambda: results.append(square(3))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [9] * 8
