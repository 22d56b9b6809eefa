#!/usr/bin/env python3
"""Check the Rust driver's array arguments against NumPy's.

tests/run_corpus.rs builds every array argument of the arrays corpus itself (NumPy is not
linked); `run_corpus --dump-args FILE` prints each one as built: dtype, shape, byte
strides, byte offset of the first element in its buffer, read-only flag and elements.
This script evaluates the same arguments with NumPy (through check_reference.py's
grammar) and reports every difference. Run it after changing tests/run_corpus/arrays.rs:

    cargo test -p numjit --test run_corpus --no-run
    python3 tests/run_corpus/check_args.py [--binary PATH] [FILTER...]

FILTERs select files as check_reference.py's do (substrings of the path under tests/run).
"""

import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "run"))

import check_reference as ref  # noqa: E402


def newest_binary():
    pattern = os.path.join(ROOT, "target", "debug", "deps", "run_corpus-*")
    candidates = [p for p in glob.glob(pattern) if os.access(p, os.X_OK) and not p.endswith(".d")]
    if not candidates:
        sys.exit("no run_corpus binary; build it with: cargo test -p numjit --test run_corpus --no-run")
    return max(candidates, key=os.path.getmtime)


def owner(a):
    while a.base is not None:
        a = a.base
    return a


def describe(a):
    address = a.__array_interface__["data"][0]
    return {
        "dtype": "bool" if a.dtype.kind == "b" else a.dtype.name,
        "shape": list(a.shape),
        "strides": list(a.strides),
        "offset": address - owner(a).__array_interface__["data"][0],
        "readonly": not a.flags.writeable,
        "values": [repr(x) for x in a.ravel(order="C").tolist()] if a.ndim else [repr(a.item())],
    }


def scalar_of(np, v):
    """(dtype name, repr of the Python value) of a scalar argument."""
    if isinstance(v, np.generic):
        return ("bool" if v.dtype.kind == "b" else v.dtype.name, repr(v.item()))
    names = {bool: "bool", int: "int64", float: "float64", complex: "complex128"}
    return (names.get(type(v), type(v).__name__), repr(v))


def main():
    args = sys.argv[1:]
    binary = None
    if args[:1] == ["--binary"] and len(args) > 1:
        binary, args = args[1], args[2:]
    binary = binary or newest_binary()
    np = ref.need_numpy()
    n_checked = n_scalars = n_bad = 0
    paths = [p for p in ref.collect(args or ["arrays/"]) if os.path.dirname(p) == ref.ARRAYS_DIR]
    for path in paths:
        lines, errors = ref.parse_file(path)
        for error in errors:
            print("format error:", error)
            n_bad += 1
        by_line = {line.lineno: line for line in lines}
        out = subprocess.run([binary, "--dump-args", path], capture_output=True, text=True, check=True)
        for text in out.stdout.splitlines():
            got = json.loads(text)
            where = "%s:%d" % (os.path.relpath(path, ROOT), got["line"])
            if "error" in got:
                print("%s: the driver cannot build an argument: %s" % (where, got["error"]))
                n_bad += 1
                continue
            if got["line"] not in by_line:
                print("%s: the driver builds arguments check_reference.py rejects" % where)
                n_bad += 1
                continue
            arg = ref.make_args(by_line[got["line"]].args[got["arg"]])
            if "scalar" in got:
                n_scalars += 1
                want = scalar_of(np, arg)
                if want != (got["scalar"], got["repr"]):
                    print("%s: arg%d: driver %s %s, NumPy %s %s" % (where, got["arg"], got["scalar"], got["repr"], *want))
                    n_bad += 1
                continue
            if not isinstance(arg, np.ndarray):
                print("%s: arg%d is an array for the driver, %r for NumPy" % (where, got["arg"], arg))
                n_bad += 1
                continue
            want = describe(arg)
            n_checked += 1
            for key in want:
                if want[key] != got[key]:
                    print("%s: arg%d %s: driver %s, NumPy %s" % (where, got["arg"], key, got[key], want[key]))
                    n_bad += 1
    print("checked %d array and %d scalar arguments: %d differences" % (n_checked, n_scalars, n_bad))
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
