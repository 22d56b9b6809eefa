"""Runs a function of an example file under plain CPython, as the reference for `cargo xtask demo`.

The examples import `njit`/`prange` from numjit, whose Python package does not exist yet;
this script stands in a module where `njit` returns the function unchanged and `prange` is
`range`, so the undecorated function runs. Usage: run_with_cpython.py FILE FUNC INT_ARG...
"""
import sys
import time
import types

shim = types.ModuleType("numjit")
shim.prange = range


def njit(*args, **options):
    if len(args) == 1 and callable(args[0]) and not options:
        return args[0]
    return lambda function: function


shim.njit = njit
sys.modules["numjit"] = shim

path, function_name, *arguments = sys.argv[1:]
namespace = {"__name__": "example"}
exec(compile(open(path, encoding="utf-8").read(), path, "exec"), namespace)
start = time.perf_counter()
result = namespace[function_name](*map(int, arguments))
elapsed = time.perf_counter() - start
print(repr(result))
print(f"CPython: {elapsed:.3f} s", file=sys.stderr)
