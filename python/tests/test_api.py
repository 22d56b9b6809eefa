"""The rest of the package's API end to end: signatures, decorator options, inspection,
configuration by environment variables, error rendering and exception classes.

Results are compared with the undecorated function under CPython, and with Numba when it
is installed.
"""
import io
import os
import subprocess
import sys
import textwrap

import pytest

import numjit
from numjit import njit, types

try:
    import numba
except ImportError:  # pragma: no cover - Numba is optional
    numba = None

np = pytest.importorskip("numpy")


@njit(["int64(int64)", "float64(float64)"])
def doubled(x):
    return x + x


@njit(types.float64(types.float64[:, ::1], types.int64))
def row_total(a, i):
    return a[i].sum()


@njit
def divide(a, b):
    return a / b


@njit(error_model="numpy")
def divide_numpy(a, b):
    return a / b, a // b, a % b


@njit(inline="always")
def plus_one(x):
    return x + 1


@njit
def calls_plus_one(x):
    return plus_one(x) * 2


@njit(boundscheck=True)
def item_checked(a, i):
    return a[i]


@njit
def raises(kind):
    if kind == 0:
        raise KeyError("missing")
    if kind == 1:
        raise RuntimeError("boom")
    if kind == 2:
        raise TypeError("bad type")
    if kind == 3:
        raise OverflowError("too big")
    if kind == 4:
        raise NotImplementedError("later")
    if kind == 5:
        raise LookupError
    return kind


def run_python(code, **env):
    """Runs ``code`` in a fresh interpreter with extra environment variables."""
    environment = dict(os.environ, **env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=environment, capture_output=True, text=True
    )


# ---------------------------------------------------------------------------------------
# signatures


def test_explicit_signatures_compile_eagerly_and_list_themselves_on_mismatch():
    # Compiled at decoration, before any call.
    assert doubled.signatures == ["int64(int64)", "float64(float64)"]
    assert doubled(3) == 6 and doubled(1.25) == 2.5
    with pytest.raises(TypeError, match="Ambiguous"):
        doubled(True)  # bool converts to both alike, as in Numba
    with pytest.raises(TypeError) as info:
        doubled((1, 2))
    message = str(info.value)
    assert "No matching definition" in message
    assert "int64(int64)" in message and "float64(float64)" in message
    assert doubled.signatures == ["int64(int64)", "float64(float64)"]  # nothing compiled


def test_types_objects_as_signatures():
    assert str(types.float64[:, ::1]) == "float64[:, ::1]"
    assert str(types.int32[::1, :]) == "int32[::1, :]"
    assert row_total.signatures == ["float64(array(float64, 2d, C), int64)"]
    a = np.arange(12.0).reshape(3, 4)
    assert row_total(a, 1) == a[1].sum()
    with pytest.raises(TypeError):
        types.float64[1:2]


def test_malformed_signatures_and_unknown_options_name_themselves():
    with pytest.raises(ValueError, match=r"float64\(int64"):
        njit("float64(int64")(lambda_free)
    with pytest.raises(TypeError, match="fastmaths"):
        njit(fastmaths=True)
    with pytest.raises(TypeError, match="'fastmaths'.*did you mean 'fastmath'"):
        njit(fastmaths=True)
    with pytest.raises(TypeError, match="inline"):
        njit(inline=3)
    with pytest.raises(ValueError, match="inline"):
        njit(inline="sometimes")
    with pytest.raises(ValueError, match="error_model"):
        njit(error_model="fast")
    with pytest.raises(TypeError, match="locals"):
        njit(locals=[1])


def lambda_free(x):
    return x * x


# ---------------------------------------------------------------------------------------
# decorator options


def test_error_model():
    with pytest.raises(ZeroDivisionError, match="float division by zero"):
        divide(1.0, 0.0)
    assert divide(1.0, 4.0) == 0.25
    got = divide_numpy(1.0, 0.0)
    assert got[0] == float("inf")
    assert divide_numpy(7, 0) == (float("inf"), 0, 0)
    if numba is not None:
        theirs = numba.njit(error_model="numpy")(divide_numpy.py_func)
        assert theirs(7, 0) == divide_numpy(7, 0)


def test_inline_always_inlines_the_callee():
    assert calls_plus_one(3) == calls_plus_one.py_func(3) == 8
    (signature,) = calls_plus_one.signatures
    optimised = calls_plus_one._inspect_stage(signature, "opt")
    caller = optimised.split("func @calls_plus_one", 1)[1].split("\n}", 1)[0]
    assert "call" not in caller, optimised


def accumulate_float32(n):
    acc = 0
    for i in range(n):
        acc += i * 0.1
    return acc


def truncating(x):
    y = x * 2.5
    return y


def test_locals_declare_variable_types():
    # As in Numba: every value stored in a declared variable converts to its type.
    compiled = njit(locals={"acc": types.float32})(accumulate_float32)
    expected = np.float32(0)
    for i in range(10):
        expected = np.float32(expected + i * 0.1)
    assert compiled(10) == expected
    assert compiled.signatures == ["float32(int64)"]
    assert njit(locals={"y": "int64"})(truncating)(3) == 7  # 7.5 truncated, as Numba casts
    assert njit(locals={"x": types.float64})(truncating)(3) == 7.5  # a parameter
    if numba is not None:
        assert numba.njit(locals={"acc": numba.float32})(accumulate_float32)(10) == compiled(10)


def test_locals_errors():
    with pytest.raises(numjit.errors.TypingError, match="declared"):
        njit(locals={"y": "float64[:]"})(truncating)(3)
    with pytest.raises(ValueError, match="locals"):
        njit(locals={"y": "float99"})(truncating)(3)


def test_boundscheck():
    a = np.arange(3.0)
    assert item_checked(a, -1) == 2.0
    with pytest.raises(IndexError, match="out of bounds"):
        item_checked(a, 3)


def test_boundscheck_and_opt_from_the_environment():
    code = """
        import numpy as np
        from numjit import njit, config

        @njit
        def item(a, i):
            return a[i]

        try:
            item(np.arange(3.0), 5)
        except IndexError as error:
            print("IndexError", error)
        print(config.BOUNDSCHECK, config.OPT)
    """
    # `python -c` has no source file: write one.
    out = run_file(code, NUMJIT_BOUNDSCHECK="1", NUMJIT_OPT="0")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["IndexError index 5 is out of bounds for axis 0 with size 3", "1 0"]


def run_file(code, **env):
    """Runs ``code`` as a script file (numjit compiles from source files)."""
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "script.py")
        with open(path, "w") as file:
            file.write(textwrap.dedent(code))
        environment = dict(os.environ, **env)
        return subprocess.run([sys.executable, path], env=environment, capture_output=True, text=True)


def test_num_threads_and_dump_ir_from_the_environment():
    out = run_python(
        """
        import numjit
        print(numjit.config.NUM_THREADS, numjit.get_num_threads())
        numjit.set_num_threads(2)
        print(numjit.get_num_threads())
        try:
            numjit.set_num_threads(4)
        except ValueError as error:
            print("ValueError", error)
        """,
        NUMJIT_NUM_THREADS="3",
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["3 3", "2", "ValueError The number of threads must be between 1 and 3"]
    code = """
        from numjit import njit

        @njit
        def f(x):
            return x + 1

        print(f(1))
    """
    out = run_file(code, NUMJIT_DUMP_IR="all")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "2\n"
    assert "; NUMJIT_DUMP_IR" in out.stderr and "func @f(int64) -> int64" in out.stderr


def test_cache_writes_one_file_per_version_in_pycache():
    # cache=True (python/tests/test_cache.py has the two-process checks): the version lands
    # in __pycache__ beside the source, even with Python's own bytecode files off (-B).
    import tempfile

    code = """
        from numjit import njit

        @njit(cache=True)
        def f(x):
            return x * 2

        print(f(21), f.stats.cache_hits)
    """
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "cached.py")
        with open(path, "w") as file:
            file.write(textwrap.dedent(code))
        env = {key: value for key, value in os.environ.items() if key != "NUMJIT_CACHE_DIR"}
        for hits in range(2):
            out = subprocess.run(
                [sys.executable, "-B", "-c", "import cached"], cwd=directory, capture_output=True, text=True, env=env
            )
            assert out.returncode == 0, out.stderr
            assert out.stdout == f"42 {hits}\n"
        assert sorted(os.listdir(directory)) == ["__pycache__", "cached.py"]
        assert [name for name in os.listdir(os.path.join(directory, "__pycache__")) if name.endswith(".nbc")]


# ---------------------------------------------------------------------------------------
# inspection


def test_inspect_types_llvm_and_asm():
    @njit
    def scaled(x, y):
        z = x * y
        return z + 1

    assert scaled.inspect_llvm() == {} and scaled.inspect_asm() == {}  # nothing compiled
    scaled(2, 1.5)
    scaled(2, 3)
    printed = io.StringIO()
    scaled.inspect_types(file=printed)
    text = printed.getvalue()
    assert "scaled(int64, float64) -> float64" in text and "z: float64" in text
    assert "scaled(int64, int64) -> int64" in text and "z: int64" in text
    llvm = scaled.inspect_llvm()
    assert set(llvm) == {"float64(int64, float64)", "int64(int64, int64)"}
    assert all("define" in text for text in llvm.values())
    asm = scaled.inspect_asm("int64(int64, int64)")
    assert list(asm) == ["int64(int64, int64)"]
    assert "numjit.fn.scaled" in asm["int64(int64, int64)"]


# ---------------------------------------------------------------------------------------
# errors


@pytest.mark.parametrize(
    "kind, exception, message",
    [
        (0, KeyError, "'missing'"),
        (1, RuntimeError, "boom"),
        (2, TypeError, "bad type"),
        (3, OverflowError, "too big"),
        (4, NotImplementedError, "later"),
        (5, LookupError, ""),
    ],
)
def test_exceptions_keep_their_builtin_class(kind, exception, message):
    with pytest.raises(exception) as info:
        raises(kind)
    assert type(info.value) is exception
    assert str(info.value) == message
    if numba is not None:
        with pytest.raises(exception):
            numba.njit(raises.py_func)(kind)


COMPILE_ERROR = """
    import sys
    from numjit import njit

    @njit
    def broken(x):
        return x + (1, 2)

    try:
        broken(1)
    except Exception as error:
        sys.stdout.write(type(error).__name__ + "\\n" + str(error))
"""


def test_compile_errors_are_coloured_only_on_a_terminal():
    # stderr a pipe: plain text with the file and line.
    out = run_file(COMPILE_ERROR)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("TypingError")
    assert "script.py:7:" in out.stdout and "return x + (1, 2)" in out.stdout
    assert "\x1b[" not in out.stdout
    # stderr a terminal: ANSI colours, as the rendered diagnostic would be printed there.
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    try:
        import tempfile

        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "script.py")
            with open(path, "w") as file:
                file.write(textwrap.dedent(COMPILE_ERROR))
            out = subprocess.run([sys.executable, path], stderr=secondary, stdout=subprocess.PIPE, text=True)
    finally:
        os.close(primary)
        os.close(secondary)
    assert out.returncode == 0
    assert out.stdout.startswith("TypingError") and "\x1b[" in out.stdout


# ---------------------------------------------------------------------------------------
# import time


def test_import_stays_light_and_its_time_is_reported(record_property):
    # What `import numjit` and decorating must not import (each costs milliseconds):
    # checked exactly. The time itself is only reported (`pytest -s` prints it), never
    # compared with a limit: a loaded machine would fail it.
    out = run_python(
        """
        import sys
        before = set(sys.modules)
        import numjit

        @numjit.njit
        def f(x):
            return x

        new = set(sys.modules) - before
        print(" ".join(name for name in ("numpy", "inspect", "ast", "textwrap") if name in new))
        """
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
    report = []
    for _ in range(3):
        out = run_python("import numjit", PYTHONPROFILEIMPORTTIME="1")
        line = [line for line in out.stderr.splitlines() if line.rstrip().endswith("| numjit")]
        report.append(int(line[0].split("|")[1]) / 1000 if line else float("nan"))
    record_property("import_numjit_ms", min(report))
    print("\nimport numjit: %.1f ms (best of 3, -X importtime; target 50 ms)" % min(report))
