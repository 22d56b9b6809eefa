#!/usr/bin/env python3
"""Generate tests/run/arrays/ufunc_*.py: every ufunc Numba 0.68.1 supports,
on arrays of each dtype and layout (C, F, strided, 0-d to 3-d), with
broadcasting, and on scalars.

    python3 tests/run/arrays/gen_ufuncs.py

The expected values are what NumPy computes here (written as literals with
check_reference.to_literal); inputs NumPy rejects with TypeError (no loop for
these dtypes) become `# compile-error: [invalid-operand]` lines, as the types
decide.  Do not edit the generated files by hand.
"""
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import check_reference as cr  # noqa: E402

np = cr.need_numpy()

# unary inputs
F1 = "np.array([-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.25])"
F2 = "np.linspace(-3, 3, 12).reshape(3, 4)[:, ::2]"
F32 = "np.array([[0.25, -1.5], [2.0, 4.5]], dtype=np.float32).T"
F0 = "np.array(0.75)"
I3 = "np.arange(-4, 8, dtype=np.int32).reshape(2, 3, 2)"
I64 = "np.array([[3, -7], [0, 12]])[::-1]"
C1 = "np.array([1+2j, -0.5+0.25j, 3-1j])"
CSMALL = "np.array([1e-10+1e-10j, -1e-12+2e-09j, 0j, 1e-05-3e-06j])"
C64 = "np.array([[1+2j, -0.5+0.25j], [0.001j, 3-1j]], dtype=np.complex64).T"
SPEC = "np.array([inf, -inf, nan, 1e308, -1e-310])"
B1 = "np.array([True, False, True])"
POS = "np.array([0.0, 0.25, 0.5, 1.0, 2.5, 10.0])"
POS2 = "np.linspace(0.5, 8.0, 6).reshape(2, 3).T"
UNIT = "np.linspace(-0.9, 0.9, 7)"
GE1 = "np.array([1.0, 1.5, 2.0, 10.0])"
OUT_LOG = "np.array([-1.0, 0.0, inf])"
OUT_UNIT = "np.array([-2.0, 1.0, 1.5])"

ALL_REAL = [F1, F2, F32, F0, I3, SPEC, "0.5", "-3"]
UNARY = {
    # name: inputs
    "negative": [F1, F2, F32, I3, I64, C1, "2.5", "-3"],
    "positive": [F1, I3, C1, "2"],
    "absolute": [F1, F2, F32, I3, I64, C1, SPEC, "-2.5"],
    "abs": [F1, I3, C1, "-4"],
    "fabs": [F1, F32, I3, SPEC, "-1.5"],
    "rint": [np.nan and "np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.7])", F32, I3, "2.5"],
    "sign": [F1, F2, I3, SPEC, "-0.0", "-7"],
    "conj": [C1, F1, I3, "1-2j"],
    "conjugate": [C1, F2, "3j"],
    "exp": [F1, F2, F32, F0, I3, C1, SPEC, "1.0"],
    "exp2": [F1, F32, I3, SPEC, "10.0"],
    "log": [POS, POS2, F32, C1, OUT_LOG, "2.0"],
    "log2": [POS, POS2, "np.array([1, 2, 1024, 3])", OUT_LOG, "8.0"],
    "log10": [POS, POS2, C1, OUT_LOG, "1000.0"],
    "expm1": [F1, F32, C1, CSMALL, C64, "1e-10"],
    "log1p": [POS, F32, C1, CSMALL, C64, "np.array([-1.0, -2.0])", "1e-10"],
    "sqrt": [POS, POS2, F32, I3, C1, "np.array([-1.0, -0.0, inf])", "2.0"],
    "square": [F1, F2, F32, I3, I64, C1, "1.5", "-3"],
    "cbrt": [F1, F32, "np.array([27, -8, 0, 1000])", "-27.0"],
    "reciprocal": [F1, F32, C1, "np.array([1, 2, -1, 3], dtype=np.int32)", "4.0"],
    "sin": ALL_REAL + [C1],
    "cos": [F1, F2, F32, F0, I3, C1, SPEC, "0.5"],
    "tan": [F1, F2, F32, C1, "0.5"],
    "arcsin": [UNIT, F32, C1, OUT_UNIT, "0.5"],
    "arccos": [UNIT, F32, C1, OUT_UNIT, "0.5"],
    "arctan": [F1, F2, F32, I3, SPEC, C1, "1.0"],
    "sinh": [F1, F2, F32, C1, "1.0"],
    "cosh": [F1, F32, C1, "1.0"],
    "tanh": [F1, F2, F32, C1, SPEC, "1.0"],
    "arcsinh": [F1, F32, C1, "1.0"],
    "arccosh": [GE1, F32, OUT_UNIT, "2.0"],
    "arctanh": [UNIT, F32, OUT_UNIT, "0.5"],
    "deg2rad": [F1, F32, I3, "180.0"],
    "rad2deg": [F1, F32, I3, "3.141592653589793"],
    "degrees": [F1, F2, "1.0"],
    "radians": [F1, F2, "90.0"],
    "isfinite": [SPEC, F32, I3, C1, "inf"],
    "isinf": [SPEC, F32, I3, "-inf"],
    "isnan": [SPEC, F2, I3, "nan"],
    "signbit": [F1, SPEC, F32, "-0.0"],
    "spacing": ["np.array([-2.5, -1.0, 0.0, 0.5, 1.0, 3.25])", F32, SPEC, I3,
                "np.array([1.7976931348623157e308, -5e-324, -0.0, 1e-300])",
                "np.array([3.4028235e38, -1e-45, 0.0, -0.0, 1e20], dtype=np.float32)",
                F0, "1.0", "-0.0"],
    "floor": [F1, F2, F32, SPEC, "-2.5"],
    "ceil": [F1, F2, F32, SPEC, "-2.5"],
    "trunc": [F1, F2, F32, SPEC, "-2.5"],
    "logical_not": [B1, F1, I3, "0.0"],
    "bitwise_not": [I3, I64, B1, "np.array([0, 255], dtype=np.uint8)", "5"],
    "invert": [I3, B1, "-1"],
    "modf": [F1, F32, SPEC, "2.75"],
    "frexp": [F1, F32, SPEC, "48.0"],
    # unsupported dtypes: the types decide, a compile error
    "floor_err": None,
}
del UNARY["floor_err"]

P_F = ("np.array([1.5, -2.0, 3.0, 0.0])", "np.array([2.0, 0.5, -4.0, 1.0])")
P_I32 = ("np.arange(12, dtype=np.int32).reshape(3, 4)", "np.array([1, 2, 3, 4], dtype=np.int32)")
P_IF = ("np.arange(1, 7).reshape(2, 3).T", "np.array([[2], [3], [5]])")
P_F32 = ("np.array([0.5, 1.5], dtype=np.float32)", "np.array([[1.0], [2.0], [-3.0]])")
P_F32F32 = ("np.array([[0.5, 1.5], [2.0, -4.0]], dtype=np.float32)", "np.array([2.0, 0.25], dtype=np.float32)")
P_S = ("2.5", "np.arange(6.0)[::2]")
P_C = ("np.array([1+1j, 2-1j])", "np.array([0.5j, 3.0])")
P_B = ("np.array([True, False, True, False])", "np.array([True, True, False, False])")
P_Z = ("np.array([7, -7, 5, 0, -3])", "np.array([2, 2, 0, 0, 5])")
P_0 = ("np.array(3.0)", "np.array(4.0)")
P_3D = ("np.arange(24.0).reshape(2, 3, 4)", "np.arange(4.0)")
P_NAN = ("np.array([nan, 1.0, inf, -0.0, nan])", "np.array([nan, nan, inf, 0.0, 2.0])")
# max/min of -0.0 and 0.0 is a tie NumPy and Numba break differently: none here
P_NAN_MM = ("np.array([nan, 1.0, inf, -1.0, nan])", "np.array([nan, nan, inf, 0.0, 2.0])")
P_SC = ("3", "4")
P_SF = ("1.5", "-2.0")
P_SH = ("np.array([1, -8, 255, 3])", "np.array([0, 1, 4, 2])")
P_SH32 = ("np.array([1, -8, 255, 3], dtype=np.int32)", "np.array([3, 1, 4, 2], dtype=np.int32)")
P_LD = ("np.array([1.0, 0.5, -3.0])", "np.array([2, -1, 10])")
P_LD32 = ("np.array([1.0, 0.5, -3.0], dtype=np.float32)", "np.array([2, -1, 10], dtype=np.int32)")
P_G = ("np.array([12, 18, -24, 0, 7])", "np.array([8, 27, 36, 5, 0])")

ARITH = [P_F, P_I32, P_IF, P_F32, P_F32F32, P_S, P_C, P_B, P_0, P_3D, P_SC, P_SF]
BINARY = {
    "add": ARITH,
    "subtract": [P_F, P_I32, P_IF, P_F32, P_S, P_C, P_3D, P_SC, P_B],
    "multiply": ARITH,
    "divide": [P_F, P_I32, P_IF, P_F32, P_S, P_C, P_Z, P_SF],
    "true_divide": [P_F, P_I32, P_F32F32, P_3D, P_SC],
    "floor_divide": [P_F, P_I32, P_IF, P_F32, P_S, P_Z, P_SC, P_C],
    "remainder": [P_F, P_I32, P_IF, P_S, P_Z, P_SF],
    "mod": [P_F, P_I32, P_Z, P_SC],
    "fmod": [P_F, P_I32, P_Z, P_F32F32, P_SF],
    "divmod": [P_F, P_I32, P_Z, P_SF],
    "power": [P_F, P_I32, P_IF, P_F32F32, P_S, P_C, P_SC, P_B],
    "float_power": [P_F, P_I32, P_F32, P_SF],
    "logaddexp": [P_F, P_F32F32, P_3D, P_SF],
    "logaddexp2": [P_F, P_F32F32, P_I32, P_SF],
    "arctan2": [P_F, P_F32, P_F32F32, P_NAN, P_SF, P_C],
    "hypot": [P_F, P_F32F32, P_IF, P_NAN, P_SC],
    "copysign": [P_F, P_F32F32, P_NAN, P_SF],
    "nextafter": [P_F, P_F32F32, P_NAN, P_SF],
    "ldexp": [P_LD, P_LD32, ("2.0", "3")],
    "gcd": [P_G, P_I32, P_IF, P_SC, P_F],
    "lcm": [P_G, P_I32, P_SC],
    "bitwise_and": [P_I32, P_IF, P_B, P_Z, P_SC, P_F],
    "bitwise_or": [P_I32, P_B, P_Z, P_SC],
    "bitwise_xor": [P_I32, P_B, P_Z, P_SC],
    "left_shift": [P_SH, P_SH32, P_SC, P_F],
    "right_shift": [P_SH, P_SH32, P_SC],
    "greater": [P_F, P_I32, P_IF, P_F32, P_S, P_B, P_NAN, P_SF],
    "greater_equal": [P_F, P_I32, P_NAN, P_3D],
    "less": [P_F, P_I32, P_IF, P_NAN, P_SC],
    "less_equal": [P_F, P_F32, P_NAN, P_S],
    "equal": [P_F, P_I32, P_C, P_B, P_NAN, P_0],
    "not_equal": [P_F, P_IF, P_C, P_NAN, P_SF],
    "logical_and": [P_B, P_F, P_I32, P_SC],
    "logical_or": [P_B, P_F, P_Z],
    "logical_xor": [P_B, P_Z, P_SF],
    "maximum": [P_F, P_I32, P_IF, P_F32, P_NAN_MM, P_3D, P_SC],
    "minimum": [P_F, P_I32, P_F32F32, P_NAN_MM, P_S],
    "fmax": [P_F, P_NAN_MM, P_I32],
    "fmin": [P_F, P_NAN_MM, P_F32F32],
}

# lines where Numba 0.68.1 differs: (name, args) -> (flag, why); a name
# alone applies to all its lines
TWO_OUT = ("numjit-only", "Numba 0.68.1 rejects the two-output ufuncs "
           "np.modf and np.frexp (TypingError)")
NOTES = {
    "modf": TWO_OUT,
    "frexp": TWO_OUT,
    ("sign", (F1,)): ("numjit-only", "Numba returns -0.0 for sign(-0.0); "
                      "NumPy returns 0.0"),
    ("spacing", ("np.array([1.7976931348623157e308, -5e-324, -0.0, 1e-300])",)):
        ("numjit-only", "Numba's spacing(-0.0) is -5e-324; NumPy's is 5e-324"),
    ("spacing", ("np.array([3.4028235e38, -1e-45, 0.0, -0.0, 1e20], dtype=np.float32)",)):
        ("numjit-only", "Numba's spacing(-0.0) is -1e-45; NumPy's is 1e-45"),
    ("spacing", ("-0.0",)): ("numjit-only", "Numba's spacing(-0.0) is -5e-324; "
                             "NumPy's is 5e-324"),
    ("expm1", (CSMALL,)): ("numjit-only", "Numba's complex expm1 loses precision "
                           "near 0; NumPy's formula does not"),
    ("expm1", (C64,)): ("numjit-only", "Numba's complex expm1 loses precision "
                        "near 0; NumPy's formula does not"),
    ("sign", ("-0.0",)): ("numjit-only", "Numba returns -0.0 for sign(-0.0); "
                          "NumPy returns 0.0"),
    ("subtract", P_B): ("numjit-only", "Numba subtracts bool arrays (int8 "
                        "result); NumPy has no loop for it"),
    ("fmod", P_Z): ("numjit-only", "Numba's integer fmod takes the sign of "
                    "the divisor (-7 fmod 2 == 1); C and NumPy give -1"),
}

# tolerance: ~= for these (libm results differ in the last bits)
TRANSCENDENTAL = {
    "exp", "exp2", "log", "log2", "log10", "expm1", "log1p", "cbrt", "sin",
    "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
    "arcsinh", "arccosh", "arctanh", "deg2rad", "rad2deg", "degrees",
    "radians", "power", "float_power", "logaddexp", "logaddexp2", "arctan2",
    "hypot", "absolute", "abs", "reciprocal", "divide", "true_divide",
    "sqrt", "square",
}

FILES = {
    "ufunc_math": ["negative", "positive", "absolute", "abs", "fabs", "rint",
                   "sign", "conj", "conjugate", "exp", "exp2", "log", "log2",
                   "log10", "expm1", "log1p", "sqrt", "square", "cbrt",
                   "reciprocal", "add", "subtract", "multiply", "divide",
                   "true_divide", "floor_divide", "remainder", "mod", "fmod",
                   "divmod", "power", "float_power", "logaddexp",
                   "logaddexp2", "gcd", "lcm"],
    "ufunc_trig": ["sin", "cos", "tan", "arcsin", "arccos", "arctan",
                   "arctan2", "hypot", "sinh", "cosh", "tanh", "arcsinh",
                   "arccosh", "arctanh", "deg2rad", "rad2deg", "degrees",
                   "radians"],
    "ufunc_bits": ["bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not",
                   "invert", "left_shift", "right_shift"],
    "ufunc_compare": ["greater", "greater_equal", "less", "less_equal",
                      "not_equal", "equal", "logical_and", "logical_or",
                      "logical_xor", "logical_not", "maximum", "minimum",
                      "fmax", "fmin"],
    "ufunc_float": ["isfinite", "isinf", "isnan", "signbit", "copysign",
                    "nextafter", "modf", "ldexp", "frexp", "floor", "ceil",
                    "trunc", "spacing"],
}

HEADER = '''# GENERATED by gen_ufuncs.py from NumPy %s: do not edit by hand.
# %s: each ufunc as np.NAME(...) on arrays (C, F, strided; 0-d to 3-d;
# bool/int32/int64/float32/float64/complex128), with broadcasting, and on
# scalars.  Inputs with no NumPy loop are compile errors ([invalid-operand]).
import numpy as np
'''


def value(src):
    node = cr.ast.parse(src, mode="eval").body
    v = cr.array_argument(node)
    return cr.make_args(v)


def directive(name, args):
    vals = [value(a) for a in args]
    call = "u_%s(%s)" % (name, ", ".join(args))
    note = NOTES.get((name, tuple(args))) or NOTES.get(name)
    if note:
        flag, why = note
        return "# %s\n%s" % (why, _directive(name, args, vals, call).replace(
            "# run:", "# run[%s]:" % flag).replace(
            "# compile-error:", "# compile-error[%s]:" % flag))
    return _directive(name, args, vals, call)


def _directive(name, args, vals, call):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                got = getattr(np, name)(*vals)
    except TypeError:
        return "# compile-error: [invalid-operand] %s" % call
    except Exception as e:  # noqa: BLE001
        return "# run: %s raises %s: %s" % (call, type(e).__name__, e)
    op = "=="
    leaves = got if isinstance(got, tuple) else (got,)
    if name in TRANSCENDENTAL and any(
            np.asarray(x).dtype.kind in "fc" for x in leaves):
        op = "~="
    return "# run: %s %s %s" % (call, op, cr.to_literal(got))


def main():
    for fname, names in FILES.items():
        out = [HEADER % (np.__version__, fname)]
        for name in names:
            n = 1 if name in UNARY else 2
            params = ", ".join("xy"[:n])
            out.append("\ndef u_%s(%s):\n    return np.%s(%s)\n" % (
                name, params, name, params))
        out.append("")
        for name in names:
            inputs = UNARY[name] if name in UNARY else BINARY[name]
            for inp in inputs:
                args = (inp,) if isinstance(inp, str) else inp
                out.append(directive(name, args))
        with open(os.path.join(HERE, fname + ".py"), "w") as f:
            f.write("\n".join(out) + "\n")
        print("wrote", fname + ".py")


if __name__ == "__main__":
    main()
