#!/usr/bin/env python3
"""Reference checker for the numjit execution corpus (tests/run/*.py and the
array programs tests/run/arrays/*.py).

    python3 tests/run/check_reference.py [--numba] [--verbose] [--jobs N]
                                         [--timeout S] [--fill]
                                         [FILE_OR_SUBSTRING ...]

Array programs are checked against CPython + NumPy 2 (their argument grammar,
array expectations and `; argN == ...` / `; view of argN` clauses are in
tests/run/arrays/README.md); --fill writes NumPy's values over `?`
placeholders in the files given.

Without --numba every `# run` line is checked against CPython 3.11 running the
undecorated functions (lines marked `numba-semantics` are skipped, `wrap`
lines compare the CPython result reduced to int64).  With --numba every line
is also compiled and run with Numba (the semantics oracle) in worker
subprocesses with a per-line timeout; `numba-semantics` lines must agree with
Numba, ordinary and `wrap` lines too, `numjit-only` lines are run under Numba
only to report what Numba does there (never a failure), and `compile-error`
lines must fail to compile under Numba (unless `numjit-only`).

The format is specified in tests/run/README.md.  The last line printed is
`checked N lines in M files: ...`; the exit status is 1 on any failure.
"""
import argparse
import ast
import contextlib
import importlib.util
import io
import json
import math
import os
import re
import selectors
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

GROUPS = ["arith", "types", "control", "tuple", "func", "builtin", "math",
          "cmath", "exc", "print", "error", "seed", "stress"]
DIAGNOSTIC_CODES = {"type-mismatch", "unsupported-construct", "undefined-name",
                    "unbound-local", "wrong-arguments", "invalid-operand",
                    "recursion-without-base-case"}
# file-name groups of the arrays corpus (tests/run/arrays/README.md)
ARRAY_GROUPS = ["attr", "method", "index", "setitem", "iter", "create",
                "manip", "ufunc", "expr", "inplace", "reduce", "dot",
                "dtype", "layout", "mem", "prog", "exc", "error", "seed"]
ARRAY_DIAGNOSTIC_CODES = {"readonly-array", "invalid-index"}
FLAGS = {"numba-semantics", "numjit-only", "wrap"}
# decorator options a line may set, with the literal types they take
DECORATOR_OPTIONS = {"error_model": str, "fastmath": bool, "boundscheck": bool,
                     "nogil": bool, "inline": str, "parallel": bool}
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1
APPROX_REL = 1e-12
CPYTHON_LINE_TIMEOUT = 10


class FormatError(Exception):
    pass


# ---------------------------------------------------------------------------
# parsing the corpus
# ---------------------------------------------------------------------------

RUN_RE = re.compile(r"^#\s*run(?:\[(?P<opts>[^\]]*)\])?:\s*(?P<body>.+?)\s*$")
CERR_RE = re.compile(r"^#\s*compile-error(?:\[(?P<opts>[^\]]*)\])?:\s*"
                     r"\[(?P<code>[a-z-]+)\]\s*(?P<call>.+?)\s*$")
STDOUT_RE = re.compile(r"^#\s*stdout:(?: (?P<text>.*))?$")
DIRECTIVE_RE = re.compile(r"^#\s*(run|compile-error|stdout)\b")


class Line:
    """One `# run` or `# compile-error` directive."""

    def __init__(self, path, lineno, kind, text):
        self.path = path
        self.lineno = lineno
        self.kind = kind            # "run" or "compile-error"
        self.text = text
        self.options = {}           # decorator options
        self.flags = set()
        self.func = None
        self.args = ()
        self.kwargs = {}
        self.op = None              # "==", "~=", "raises"
        self.expected = None
        self.exc_class = None
        self.exc_message = None     # None: not checked
        self.code = None            # compile-error diagnostic code
        self.stdout = None          # list of lines, or None
        self.arrays = False         # a tests/run/arrays file (array grammar)
        self.clauses = []           # ("arg", N, op, expected) / ("view", N, bool)
        self.fill = False           # `== ?` placeholder (--fill)
        self.call_text = None
        self.opts_text = None
        self.clause_texts = []
        self.extra = None           # CPython: {"args": ..., "views": ...}

    @property
    def where(self):
        return "%s:%d" % (os.path.relpath(self.path, HERE), self.lineno)


def parse_options(text, line):
    if not text:
        return
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        if "=" in item:
            key, value = [s.strip() for s in item.split("=", 1)]
            if key not in DECORATOR_OPTIONS:
                raise FormatError("unknown decorator option %r" % key)
            if DECORATOR_OPTIONS[key] is bool:
                if value not in ("True", "False"):
                    raise FormatError("option %s takes True or False" % key)
                line.options[key] = value == "True"
            else:
                line.options[key] = value.strip("'\"")
        elif item in FLAGS:
            line.flags.add(item)
        else:
            raise FormatError("unknown flag %r (known: %s)" % (
                item, ", ".join(sorted(FLAGS))))
    if "numba-semantics" in line.flags and line.flags & {"numjit-only", "wrap"}:
        raise FormatError("numba-semantics excludes numjit-only and wrap")


def split_top_level(body, ops):
    """Find the first of `ops` outside brackets and strings: (left, op, right)."""
    depth = 0
    quote = None
    i = 0
    while i < len(body):
        ch = body[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0:
            for op in ops:
                if body.startswith(op, i):
                    return body[:i].strip(), op, body[i + len(op):].strip()
        i += 1
    return None


def literal(node):
    """Evaluate the literal subset the format allows."""
    if isinstance(node, ast.Constant):
        v = node.value
        if isinstance(v, (bool, int, float, complex, str)) or v is None:
            if type(v) is int and not INT64_MIN <= v <= INT64_MAX:
                raise FormatError("integer literal %d outside int64" % v)
            return v
        raise FormatError("unsupported constant %r" % (v,))
    if isinstance(node, ast.Name):
        if node.id == "inf":
            return math.inf
        if node.id == "nan":
            return math.nan
        raise FormatError("unknown name %r in a literal" % node.id)
    if isinstance(node, ast.Tuple):
        return tuple(literal(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        # -9223372036854775808 is spelled as USub(9223372036854775808)
        if isinstance(node.operand, ast.Constant) and \
                type(node.operand.value) is int:
            v = node.operand.value
            v = -v if isinstance(node.op, ast.USub) else v
            if not INT64_MIN <= v <= INT64_MAX:
                raise FormatError("integer literal %d outside int64" % v)
            return v
        v = literal(node.operand)
        if type(v) not in (int, float, complex):
            raise FormatError("unary sign on a non-number")
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        # complex literals: 1+2j, -1.5-0.5j, complex(inf, ...) via complex()
        left, right = literal(node.left), literal(node.right)
        if type(right) is complex and type(left) in (int, float) and \
                right.real == 0:
            imag = right.imag if isinstance(node.op, ast.Add) else -right.imag
            return complex(left, imag)
        raise FormatError("only complex literals (a+bj) may use + or -")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            not node.keywords:
        args = [literal(a) for a in node.args]
        if node.func.id == "float" and len(args) == 1 and \
                isinstance(args[0], str) and \
                args[0].strip().lower() in ("inf", "-inf", "+inf", "nan",
                                            "-nan", "infinity", "-infinity"):
            return float(args[0])
        if node.func.id == "complex" and 1 <= len(args) <= 2 and \
                all(type(a) in (int, float) for a in args):
            return complex(*args)
        raise FormatError("unsupported call in a literal: %s" % ast.unparse(node))
    raise FormatError("not a literal: %s" % ast.unparse(node))


# ---------------------------------------------------------------------------
# arrays corpus: argument grammar and expected arrays (tests/run/arrays/README.md)
# ---------------------------------------------------------------------------

ARRAYS_DIR = os.path.join(HERE, "arrays")
np = None  # NumPy, imported by need_numpy() when an arrays file is checked
NUMPY_INSTALL = "python3 -m pip install numpy"
DTYPE_NAMES = ["bool_", "int8", "int16", "int32", "int64", "uint8", "uint16",
               "uint32", "uint64", "float32", "float64", "complex64",
               "complex128"]
_KIND_RANK = {bool: 0, int: 1, float: 2, complex: 3}
FILL = object()  # the `?` placeholder of --fill


def need_numpy():
    """Import NumPy (>= 2: NEP 50 promotion) or exit naming the install command."""
    global np
    if np is not None:
        return np
    try:
        import numpy
    except ImportError:
        sys.exit("check_reference.py: NumPy is missing; the arrays corpus "
                 "(tests/run/arrays) is checked against it.\n"
                 "Install it with: %s" % NUMPY_INSTALL)
    if int(numpy.__version__.split(".")[0]) < 2:
        sys.exit("check_reference.py: NumPy %s is too old (the arrays corpus "
                 "follows NumPy 2's type promotion).\nUpgrade it with: "
                 "%s --upgrade" % (numpy.__version__, NUMPY_INSTALL))
    np = numpy
    return np


class ArrayArg:
    """An argument in the array grammar, evaluated afresh for every call."""

    def __init__(self, src):
        self.src = src

    def make(self):
        return eval_array_arg(ast.parse(self.src, mode="eval").body)

    def __repr__(self):
        return self.src


def _np_attr(node):
    """`np.NAME` -> NAME, else None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
            and node.value.id == "np":
        return node.attr
    return None


def _dtype(node):
    name = _np_attr(node)
    if name not in DTYPE_NAMES:
        raise FormatError("expected a dtype np.%s" % "/np.".join(DTYPE_NAMES))
    return getattr(np, name)


def _int(node):
    v = literal(node)
    if type(v) is not int:
        raise FormatError("expected an int literal: %s" % ast.unparse(node))
    return v


def _real(node):
    v = literal(node)
    if type(v) not in (int, float):
        raise FormatError("expected an int or float literal: %s" % ast.unparse(node))
    return v


def _shape(node):
    if isinstance(node, ast.Tuple):
        return tuple(_int(e) for e in node.elts)
    return _int(node)


def _kwargs(call, allowed):
    out = {}
    for kw in call.keywords:
        if kw.arg not in allowed:
            raise FormatError("keyword %s= not allowed in %s" % (
                kw.arg, ast.unparse(call)))
        out[kw.arg] = _dtype(kw.value)
    return out


def _nested(node):
    """Nested list of literals -> nested Python list; checks rectangularity later."""
    if isinstance(node, ast.List):
        return [_nested(e) for e in node.elts]
    v = literal(node)
    if type(v) not in _KIND_RANK:
        raise FormatError("array elements are bool/int/float/complex literals")
    return v


def _leaves(v):
    if isinstance(v, list):
        for x in v:
            yield from _leaves(x)
    else:
        yield v


def _np_array(node, need_dtype):
    if len(node.args) != 1:
        raise FormatError("np.array takes one nested list")
    kw = _kwargs(node, {"dtype"})
    data = _nested(node.args[0])
    if not isinstance(data, list) and isinstance(node.args[0], ast.List):
        raise FormatError("bad np.array literal")
    if need_dtype and "dtype" not in kw:
        raise FormatError("an expected array needs dtype=: %s" % ast.unparse(node))
    leaves = list(_leaves(data))
    if "dtype" in kw:
        dt = np.dtype(kw["dtype"])
        rank = {"b": 0, "i": 1, "u": 1, "f": 2, "c": 3}[dt.kind]
        for v in leaves:
            if _KIND_RANK[type(v)] > rank:
                raise FormatError("element %r does not fit dtype %s" % (v, dt))
            if type(v) is int and dt.kind in "iu":
                info = np.iinfo(dt)
                if not info.min <= v <= info.max:
                    raise FormatError("element %d outside %s" % (v, dt))
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            a = np.array(data, **kw)
    except Exception as e:  # noqa: BLE001 - ragged lists and the like
        raise FormatError("np.array(...) fails: %s" % e)
    if a.dtype == object:
        raise FormatError("ragged nested list")
    if not leaves and isinstance(data, list) and "dtype" not in kw:
        raise FormatError("an empty np.array needs dtype=")
    return a


_CREATORS = {"array", "arange", "zeros", "ones", "full", "linspace", "eye",
             "asfortranarray"}


def eval_array_arg(node, top=True):
    """Evaluate an argument of the array grammar (or raise FormatError)."""
    if top and isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id == "readonly":
        if len(node.args) != 1 or node.keywords:
            raise FormatError("readonly(X) takes one array")
        a = eval_array_arg(node.args[0], top=False)
        a.flags.writeable = False
        return a
    if isinstance(node, ast.Call):
        name = _np_attr(node.func)
        if name in DTYPE_NAMES and top:
            # a NumPy scalar of that dtype: np.float32(1.5)
            if len(node.args) != 1 or node.keywords:
                raise FormatError("np.%s(x) takes one literal" % name)
            v = literal(node.args[0])
            if type(v) not in _KIND_RANK:
                raise FormatError("np.%s(x) takes a number" % name)
            return getattr(np, name)(v)
        if name == "array":
            return _np_array(node, need_dtype=False)
        if name == "arange":
            kw = _kwargs(node, {"dtype"})
            if not 1 <= len(node.args) <= 3:
                raise FormatError("np.arange takes 1 to 3 numbers")
            return np.arange(*[_real(a) for a in node.args], **kw)
        if name in ("zeros", "ones"):
            kw = _kwargs(node, {"dtype"})
            if len(node.args) != 1:
                raise FormatError("np.%s(shape[, dtype=])" % name)
            return getattr(np, name)(_shape(node.args[0]), **kw)
        if name == "full":
            kw = _kwargs(node, {"dtype"})
            if len(node.args) != 2:
                raise FormatError("np.full(shape, value[, dtype=])")
            v = literal(node.args[1])
            if type(v) not in _KIND_RANK:
                raise FormatError("np.full's value is a number")
            return np.full(_shape(node.args[0]), v, **kw)
        if name == "linspace":
            if len(node.args) != 3 or node.keywords:
                raise FormatError("np.linspace(start, stop, num)")
            return np.linspace(_real(node.args[0]), _real(node.args[1]),
                               _int(node.args[2]))
        if name == "eye":
            kw = _kwargs(node, {"dtype"})
            if len(node.args) != 1:
                raise FormatError("np.eye(n[, dtype=])")
            return np.eye(_int(node.args[0]), **kw)
        if name == "asfortranarray":
            if len(node.args) != 1 or node.keywords:
                raise FormatError("np.asfortranarray(X)")
            a = eval_array_arg(node.args[0], top=False)
            if a.ndim < 2:
                raise FormatError("np.asfortranarray needs ndim >= 2")
            return np.asfortranarray(a)
        if isinstance(node.func, ast.Attribute) and name is None:
            meth = node.func.attr
            base = eval_array_arg(node.func.value, top=False)
            if meth == "reshape":
                if node.keywords or not node.args:
                    raise FormatError(".reshape(shape) or .reshape(n, m, ...)")
                shape = _shape(node.args[0]) if len(node.args) == 1 else \
                    tuple(_int(a) for a in node.args)
                if not base.flags.c_contiguous:
                    raise FormatError(".reshape needs a C-contiguous array "
                                      "(apply it before .T/slicing)")
                try:
                    return base.reshape(shape)
                except ValueError as e:
                    raise FormatError(".reshape fails: %s" % e)
            if meth == "astype":
                if len(node.args) != 1 or node.keywords:
                    raise FormatError(".astype(np.DTYPE)")
                if not (base.flags.c_contiguous or base.flags.f_contiguous):
                    raise FormatError(".astype needs a C- or F-contiguous array "
                                      "(apply it before slicing)")
                return base.astype(_dtype(node.args[0]))
            if meth == "copy":
                if node.args or node.keywords:
                    raise FormatError(".copy() takes no arguments")
                return base.copy()
            raise FormatError("method .%s not in the argument grammar" % meth)
        raise FormatError("call not in the argument grammar: %s" % ast.unparse(node))
    if isinstance(node, ast.Attribute) and node.attr == "T" and \
            _np_attr(node) is None:
        return eval_array_arg(node.value, top=False).T
    if isinstance(node, ast.Subscript):
        base = eval_array_arg(node.value, top=False)
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        index = []
        for it in items:
            if isinstance(it, ast.Slice):
                index.append(slice(*[None if x is None else _int(x)
                                     for x in (it.lower, it.upper, it.step)]))
            else:
                index.append(_int(it))
        if len(index) > base.ndim:
            raise FormatError("too many indices in %s" % ast.unparse(node))
        try:
            return base[tuple(index)]
        except IndexError as e:
            raise FormatError("indexing fails: %s" % e)
    raise FormatError("not in the argument grammar: %s" % ast.unparse(node))


def array_argument(node):
    """A run-line argument in an arrays file: a literal or an ArrayArg."""
    try:
        return literal(node)
    except FormatError:
        pass
    src = ast.unparse(node)
    try:
        v = eval_array_arg(node)  # validates
    except FormatError:
        raise
    except Exception as e:  # noqa: BLE001 - NumPy refuses the construction
        raise FormatError("%s fails: %s: %s" % (src, type(e).__name__, e))
    if isinstance(v, np.ndarray):
        return ArrayArg(src)
    return v  # a NumPy scalar (immutable)


def make_args(v):
    """Fresh argument values: ArrayArg evaluated anew."""
    if isinstance(v, ArrayArg):
        return v.make()
    if isinstance(v, tuple):
        return tuple(make_args(x) for x in v)
    return v


def expected_value(node):
    """An expected value in an arrays file: literals, tuples, np.array(..., dtype=)."""
    if isinstance(node, ast.Tuple):
        return tuple(expected_value(e) for e in node.elts)
    if isinstance(node, ast.Call):
        if _np_attr(node.func) == "array":
            return _np_array(node, need_dtype=True)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "reshape" \
                and isinstance(node.func.value, ast.Call) and \
                _np_attr(node.func.value.func) == "array":
            a = _np_array(node.func.value, need_dtype=True)
            if len(node.args) != 1 or node.keywords:
                raise FormatError("expected arrays use .reshape(SHAPE)")
            try:
                return a.reshape(_shape(node.args[0]))
            except ValueError as e:
                raise FormatError(".reshape fails: %s" % e)
    return literal(node)


def _lit_float(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def _lit_complex(z):
    if not (math.isfinite(z.real) and math.isfinite(z.imag)):
        return "complex(%s, %s)" % (_lit_float(z.real), _lit_float(z.imag))
    sign = "-" if math.copysign(1.0, z.imag) < 0 else "+"
    return "(%r%s%rj)" % (z.real, sign, abs(z.imag))


def to_literal(v):
    """The literal that reads back as `v` (for --fill)."""
    if np is not None and isinstance(v, np.ndarray):
        dt = v.dtype
        if dt.kind == "f" and dt.itemsize == 4:
            def one(x):
                s = str(np.float32(x))
                if s in ("inf", "-inf", "nan"):
                    return s
                return s if float(np.float32(float(s))) == float(x) else repr(float(x))
        elif dt.kind == "f":
            one = _lit_float
        elif dt.kind == "c":
            one = _lit_complex
        else:
            one = repr

        def nest(a):
            if a.ndim == 0:
                return one(a.item())
            return "[" + ", ".join(nest(x) for x in a) + "]"
        text = "np.array(%s, dtype=np.%s)" % (nest(v), dt.name if dt.kind != "b" else "bool_")
        if v.size == 0 and v.ndim > 1:
            text += ".reshape(%r)" % (v.shape,)
        return text
    t = _pytype(v)
    if t is tuple:
        items = [to_literal(x) for x in v]
        return "(%s,)" % items[0] if len(items) == 1 else "(%s)" % ", ".join(items)
    if t is float:
        return _lit_float(float(v))
    if t is complex:
        return _lit_complex(complex(v))
    if t in (int, bool):
        return repr(t(v))
    if v is None:
        return "None"
    raise FormatError("no literal for %r" % (v,))


def arg_views(result, args):
    """{N: whether result (an array) overlaps positional array argument N}."""
    if np is None or not isinstance(result, np.ndarray):
        return {}
    return {i: bool(result.size and a.size and np.may_share_memory(result, a))
            for i, a in enumerate(args) if isinstance(a, np.ndarray)}


def parse_call(text, line):
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError as e:
        raise FormatError("call is not an expression: %s" % e)
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        raise FormatError("expected a call `name(args)`")
    line.func = node.func.id
    arg = array_argument if line.arrays else literal
    line.args = tuple(arg(a) for a in node.args)
    for kw in node.keywords:
        if kw.arg is None:
            raise FormatError("**kwargs are not allowed in a run line")
        line.kwargs[kw.arg] = arg(kw.value)
    line.call_text = text.strip()


def parse_run_body(body, line):
    if line.arrays:
        pieces = split_clauses(body)
        body = pieces[0]
        line.clause_texts = pieces[1:]
        for clause in pieces[1:]:
            line.clauses.append(parse_clause(clause, line))
    m = re.match(r"^(?P<call>.*?\))\s+raises\s+(?P<cls>[A-Za-z_]\w*)"
                 r"(?::\s?(?P<msg>.*))?$", body)
    if m:
        parse_call(m.group("call"), line)
        line.op = "raises"
        line.exc_class = m.group("cls")
        line.exc_message = m.group("msg")
        return
    parts = split_top_level(body, ["==", "~="])
    if parts is None:
        raise FormatError("expected `CALL == VALUE`, `CALL ~= VALUE` or "
                          "`CALL raises Class[: message]`")
    call, op, expected = parts
    parse_call(call, line)
    line.op = op
    if line.arrays and expected == "?":
        line.fill = True
        return
    line.expected = parse_expected(expected, line.arrays)
    if op == "~=" and not _has_float(line.expected):
        raise FormatError("~= needs a float or complex expected value")


def parse_expected(text, arrays):
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError as e:
        raise FormatError("expected value is not a literal: %s" % e)
    return expected_value(node) if arrays else literal(node)


def _has_float(v):
    if isinstance(v, tuple):
        return any(_has_float(x) for x in v)
    if np is not None and isinstance(v, np.ndarray):
        return v.dtype.kind in "fc"
    return type(v) in (float, complex)


def split_clauses(body):
    """`CALL OP EXPECTED ; CLAUSE ; ...` split at top-level semicolons."""
    pieces, start, depth, quote = [], 0, 0, None
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == ";" and depth == 0:
            pieces.append(body[start:i].strip())
            start = i + 1
    pieces.append(body[start:].strip())
    return pieces


CLAUSE_ARG_RE = re.compile(r"^arg(?P<n>\d+)\s*(?P<op>==|~=)\s*(?P<exp>.+)$")
CLAUSE_VIEW_RE = re.compile(r"^(?P<not>not\s+)?view\s+of\s+arg(?P<n>\d+)$")


def parse_clause(text, line):
    m = CLAUSE_ARG_RE.match(text)
    if m:
        if m.group("exp") == "?":
            line.fill = True
            return ["arg", int(m.group("n")), m.group("op"), FILL]
        exp = parse_expected(m.group("exp"), True)
        if m.group("op") == "~=" and not _has_float(exp):
            raise FormatError("~= needs a float or complex expected value")
        return ["arg", int(m.group("n")), m.group("op"), exp]
    m = CLAUSE_VIEW_RE.match(text)
    if m:
        return ["view", int(m.group("n")), not m.group("not")]
    raise FormatError("unknown clause %r (expected `argN == VALUE`, "
                      "`argN ~= VALUE`, `view of argN`, `not view of argN`)" % text)


def parse_file(path):
    """Return (lines, errors) for one corpus file."""
    arrays = os.path.dirname(os.path.abspath(path)) == ARRAYS_DIR
    codes = DIAGNOSTIC_CODES | (ARRAY_DIAGNOSTIC_CODES if arrays else set())
    lines, errors = [], []
    with open(path, encoding="utf-8") as f:
        src = f.read().splitlines()
    current = None
    for lineno, raw in enumerate(src, 1):
        text = raw.strip()
        m = STDOUT_RE.match(text)
        if m:
            if current is None or current.kind != "run":
                errors.append("%s:%d: `# stdout:` must follow a `# run` line "
                              "or another `# stdout:` line" % (
                                  os.path.relpath(path, HERE), lineno))
                continue
            if current.stdout is None:
                current.stdout = []
            current.stdout.append(m.group("text") or "")
            continue
        current = None
        try:
            m = RUN_RE.match(text)
            if m:
                line = Line(path, lineno, "run", text)
                line.arrays = arrays
                line.opts_text = m.group("opts")
                parse_options(m.group("opts"), line)
                parse_run_body(m.group("body"), line)
                for c in line.clauses:
                    if c[1] >= len(line.args):
                        raise FormatError("clause names arg%d; the call has "
                                          "%d positional arguments" % (
                                              c[1], len(line.args)))
                    if line.op == "raises":
                        raise FormatError("clauses need a returning call")
                lines.append(line)
                current = line
                continue
            m = CERR_RE.match(text)
            if m:
                line = Line(path, lineno, "compile-error", text)
                line.arrays = arrays
                parse_options(m.group("opts"), line)
                if line.flags - {"numjit-only"}:
                    raise FormatError("compile-error lines take only the "
                                      "numjit-only flag")
                line.code = m.group("code")
                if line.code not in codes:
                    raise FormatError("unknown diagnostic code %r" % line.code)
                parse_call(m.group("call"), line)
                lines.append(line)
                continue
            if DIRECTIVE_RE.match(text):
                raise FormatError("malformed directive")
        except FormatError as e:
            errors.append("%s:%d: %s: %s" % (os.path.relpath(path, HERE),
                                             lineno, e, text))
    return lines, errors


# ---------------------------------------------------------------------------
# comparing values
# ---------------------------------------------------------------------------

def fmt(v):
    if type(v) is float:
        return repr(v)
    return repr(v)


def _float_same(e, g):
    if math.isnan(e):
        return math.isnan(g)
    if e == 0.0 and g == 0.0:
        return math.copysign(1.0, e) == math.copysign(1.0, g)
    return e == g


def _float_close(e, g):
    if math.isnan(e) or math.isnan(g):
        return math.isnan(e) and math.isnan(g)
    if math.isinf(e) or math.isinf(g):
        return e == g
    return abs(e - g) <= APPROX_REL * max(abs(e), abs(g)) or abs(e - g) <= 1e-300


APPROX_REL32 = 1e-6


def _float_close32(e, g):
    if math.isnan(e) or math.isnan(g) or math.isinf(e) or math.isinf(g):
        return _float_close(e, g)
    return abs(e - g) <= APPROX_REL32 * max(abs(e), abs(g)) or abs(e - g) <= 1e-40


def compare(exp, got, approx, path="result"):
    """None when `got` matches `exp` (types exact), else a description."""
    if np is not None and isinstance(exp, np.ndarray):
        return compare_array(exp, got, approx, path)
    te, tg = type(exp), _pytype(got)
    if te is tuple:
        if tg is not tuple:
            return "%s: expected a tuple, got %s %s" % (path, tg.__name__, fmt(got))
        if len(exp) != len(got):
            return "%s: tuple of length %d, expected %d" % (path, len(got), len(exp))
        for i, (e, g) in enumerate(zip(exp, got)):
            d = compare(e, g, approx, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    if te is not tg:
        return "%s: got %s %s, expected %s %s" % (
            path, tg.__name__, fmt(got), te.__name__, fmt(exp))
    if te is float:
        ok = (_float_close if approx else _float_same)(exp, float(got))
    elif te is complex:
        same = _float_close if approx else _float_same
        ok = same(exp.real, got.real) and same(exp.imag, got.imag)
    else:
        ok = exp == got
    if not ok:
        return "%s: got %s, expected %s" % (path, fmt(got), fmt(exp))
    return None


def compare_array(exp, got, approx, path):
    """Same dtype, same shape, every element as `compare` compares scalars."""
    if not isinstance(got, np.ndarray):
        return "%s: got %s %s, expected an array %s" % (
            path, type(got).__name__, fmt(got), to_literal(exp))
    if got.dtype != exp.dtype:
        return "%s: got dtype %s, expected %s (got %s)" % (
            path, got.dtype, exp.dtype, _short(got))
    if got.shape != exp.shape:
        return "%s: got shape %s, expected %s (got %s)" % (
            path, got.shape, exp.shape, _short(got))
    # float32/complex64 elements: ~= allows a relative 1e-6 (NumPy's SIMD
    # float32 math and libm differ by a few ulp)
    close = _float_close32 if exp.dtype in (np.float32, np.complex64) \
        else _float_close
    for idx in np.ndindex(*exp.shape):
        e, g = exp[idx].item(), got[idx].item()
        if type(e) is float:
            ok = (close if approx else _float_same)(e, g)
        elif type(e) is complex:
            same = close if approx else _float_same
            ok = same(e.real, g.real) and same(e.imag, g.imag)
        else:
            ok = e == g
        if not ok:
            return "%s%s: got %s, expected %s (got %s)" % (
                path, list(idx), fmt(g), fmt(e), _short(got))
    return None


def _short(a):
    s = to_literal(a)
    return s if len(s) < 300 else s[:300] + "..."


def _pytype(v):
    """Python type of a result; NumPy scalars (from Numba) map to Python's."""
    t = type(v)
    if t in (bool, int, float, complex, tuple, str, type(None)):
        return t
    name = t.__name__
    if name in ("bool_", "bool"):  # NumPy 1 / NumPy 2
        return bool
    if name.startswith(("int", "uint")):
        return int
    if name.startswith("float"):
        return float
    if name.startswith("complex"):
        return complex
    if isinstance(v, tuple):
        return tuple
    return t


def wrap_int64(v):
    if type(v) is int:
        return (v + 2 ** 63) % 2 ** 64 - 2 ** 63
    if type(v) is tuple:
        return tuple(wrap_int64(x) for x in v)
    return v


def out_of_int64(v):
    if type(v) is int:
        return not INT64_MIN <= v <= INT64_MAX
    if type(v) is tuple:
        return any(out_of_int64(x) for x in v)
    return False


def judge(line, outcome, stdout, wrap=False, extra=None):
    """Compare an outcome ("ok", value) / ("raise", class name, message).

    `extra` ({"args": arguments after the call, "views": {N: bool}}) is
    needed by lines with clauses."""
    problems = []
    if outcome[0] == "ok" and line.clauses:
        for c in line.clauses:
            if c[0] == "arg":
                d = compare(c[3], extra["args"][c[1]], c[2] == "~=", "arg%d" % c[1])
                if d:
                    problems.append(d)
            else:
                views = extra["views"]
                if c[1] not in views:
                    problems.append("view clause: the result or arg%d is not "
                                    "an array" % c[1])
                elif views[c[1]] != c[2]:
                    problems.append("the result %s arg%d's memory" % (
                        "does not share" if c[2] else "shares", c[1]))
    if line.op == "raises":
        if outcome[0] != "raise":
            problems.append("returned %s, expected %s" % (
                fmt(outcome[1]), line.exc_class))
        else:
            if line.exc_class not in outcome[3]:
                problems.append("raised %s: %s, expected %s" % (
                    outcome[1], outcome[2], line.exc_class))
            elif line.exc_message is not None and outcome[2] != line.exc_message:
                problems.append("message %r, expected %r" % (
                    outcome[2], line.exc_message))
    else:
        if outcome[0] == "raise":
            problems.append("raised %s: %s" % (outcome[1], outcome[2]))
        else:
            got = wrap_int64(outcome[1]) if wrap else outcome[1]
            d = compare(line.expected, got, line.op == "~=")
            if d:
                problems.append(d)
    expected_out = "".join(s + "\n" for s in (line.stdout or []))
    if stdout != expected_out:
        problems.append("stdout %r, expected %r" % (stdout, expected_out))
    return problems


# ---------------------------------------------------------------------------
# CPython reference
# ---------------------------------------------------------------------------

class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def load_module(path):
    if "numba" not in sys.modules:
        # CPython runs: `from numba import prange` gets range (the real
        # Numba is imported only by the --numba workers, before any file)
        import types as pytypes
        stub = pytypes.ModuleType("numba")
        stub.prange = range
        sys.modules["numba"] = stub
    rel = os.path.relpath(path, HERE)[:-3]
    name = "numjit_run_" + re.sub(r"\W", "_", rel)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # Numba resolves recursive calls through it
    spec.loader.exec_module(mod)
    return mod


def exc_classes(e):
    return [c.__name__ for c in type(e).__mro__]


def run_cpython(mod, line):
    f = getattr(mod, line.func, None)
    if not callable(f):
        return ("error", "no function %r in the file" % line.func), ""
    buf = io.StringIO()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CPYTHON_LINE_TIMEOUT)
    args = make_args(line.args)
    kwargs = {k: make_args(v) for k, v in line.kwargs.items()}
    line.extra = None
    try:
        with contextlib.redirect_stdout(buf):
            if line.arrays:
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    with np.errstate(all="ignore"):
                        outcome = ("ok", f(*args, **kwargs))
            else:
                outcome = ("ok", f(*args, **kwargs))
        line.extra = {"args": args, "views": arg_views(outcome[1], args)}
    except _Timeout:
        outcome = ("error", "timed out after %ds" % CPYTHON_LINE_TIMEOUT)
    except BaseException as e:  # noqa: BLE001 - every exception is an outcome
        outcome = ("raise", type(e).__name__, str(e), exc_classes(e))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return outcome, buf.getvalue()


def check_cpython(path, lines, report):
    try:
        mod = load_module(path)
    except Exception as e:  # noqa: BLE001
        for line in lines:
            report.fail(line, "cpython", "file does not import: %s: %s" % (
                type(e).__name__, e))
        return
    for line in lines:
        if line.fill:
            outcome, out = run_cpython(mod, line)
            text = fill_text(line, outcome)
            if text is None:
                report.fail(line, "cpython", "cannot fill: %s" % (outcome,))
            else:
                FILLED.setdefault(path, {})[line.lineno] = text
                report._count("cpython filled")
            continue
        if line.kind == "compile-error":
            if not callable(getattr(mod, line.func, None)):
                report.fail(line, "cpython", "no function %r" % line.func)
            else:
                report.ok(line, "cpython")
            continue
        if "numba-semantics" in line.flags:
            outcome, out = run_cpython(mod, line)
            if outcome[0] != "error" and not judge(line, outcome, out,
                                                   extra=line.extra):
                report.fail(line, "cpython", "marked numba-semantics but "
                            "CPython agrees: drop the marker")
            else:
                report.skip(line, "cpython")
                report.note_cpython(line, outcome)
            continue
        outcome, out = run_cpython(mod, line)
        if outcome[0] == "error":
            report.fail(line, "cpython", outcome[1])
            continue
        wrap = "wrap" in line.flags
        problems = judge(line, outcome, out, wrap=wrap, extra=line.extra)
        if not problems and outcome[0] == "ok":
            if wrap and not out_of_int64(outcome[1]):
                problems.append("marked wrap but the result stays in int64")
            if not wrap and out_of_int64(outcome[1]):
                problems.append("result outside int64: mark the line wrap "
                                "or numba-semantics")
        if problems:
            report.fail(line, "cpython", "; ".join(problems))
        else:
            report.ok(line, "cpython")


FILLED = {}  # path -> {lineno: new directive text} (--fill)


def fill_text(line, outcome):
    """The directive with its `?` placeholders replaced by CPython's values."""
    if outcome[0] == "error":
        return None
    head = "# run%s: " % ("[%s]" % line.opts_text if line.opts_text else "")
    if outcome[0] == "raise":
        if line.clauses or line.expected is not None:
            return None
        return head + "%s raises %s: %s" % (line.call_text, outcome[1], outcome[2])
    if line.expected is None:
        body = "%s %s %s" % (line.call_text, line.op, to_literal(outcome[1]))
    else:
        m = re.match(r"^#\s*run(?:\[[^\]]*\])?:\s*(.*)$", line.text)
        body = split_clauses(m.group(1))[0]
    for text, c in zip(line.clause_texts, line.clauses):
        if c[0] == "arg" and c[3] is FILL:
            text = "arg%d %s %s" % (c[1], c[2], to_literal(line.extra["args"][c[1]]))
        body += " ; " + text
    return head + body


def write_fills():
    for path, repl in FILLED.items():
        with open(path, encoding="utf-8") as f:
            src = f.read().split("\n")
        for lineno, text in repl.items():
            raw = src[lineno - 1]
            src[lineno - 1] = raw[:len(raw) - len(raw.lstrip())] + text
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(src))
        print("filled %d lines in %s" % (len(repl), os.path.relpath(path, HERE)))


# ---------------------------------------------------------------------------
# Numba, in worker subprocesses
# ---------------------------------------------------------------------------

def _code_names(code):
    names = set(code.co_names)
    for c in code.co_consts:
        if hasattr(c, "co_names"):
            names |= _code_names(c)
    return names


def build_numba(mod, func_name, options, cache):
    """njit a clone of the function whose globals see njit-ed callees."""
    import types as pytypes
    import numba
    key = (mod.__name__, func_name, tuple(sorted(options.items())))
    if key in cache:
        return cache[key]
    modglobals = mod.__dict__
    g = dict(modglobals)
    func = modglobals[func_name]

    def clone(f):
        nf = pytypes.FunctionType(f.__code__, g, f.__name__, f.__defaults__,
                                  f.__closure__)
        nf.__kwdefaults__ = f.__kwdefaults__
        nf.__qualname__ = f.__qualname__
        nf.__module__ = f.__module__
        return nf

    needed = {func_name: func}
    stack = [func]
    while stack:
        f = stack.pop()
        for name in _code_names(f.__code__):
            v = modglobals.get(name)
            if isinstance(v, pytypes.FunctionType) and \
                    v.__module__ == mod.__name__ and name not in needed:
                needed[name] = v
                stack.append(v)
    dispatchers = {name: numba.njit(**options)(clone(v))
                   for name, v in needed.items()}
    g.update(dispatchers)
    cache[key] = dispatchers[func_name]
    return cache[key]


def _is_numba_error(e):
    mod = type(e).__module__ or ""
    return mod == "numba" or mod.startswith("numba.")


def _clean(s):
    s = re.sub(r"\x1b\[[0-9;]*m", "", s)
    return " ".join(s.split())


def numba_outcome(mod, line, cache):
    """Compile and run one line with Numba: a JSON-able result."""
    import warnings
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            disp = build_numba(mod, line["func"], line["options"], cache)
        except Exception as e:  # noqa: BLE001
            return {"kind": "compile-error", "detail": _clean(
                "%s: %s" % (type(e).__name__, e))[:300]}, ""
        args = make_args(line["args"])
        kwargs = {k: make_args(v) for k, v in line["kwargs"].items()}
        try:
            with contextlib.redirect_stdout(buf):
                value = disp(*args, **kwargs)
        except Exception as e:  # noqa: BLE001
            if _is_numba_error(e):
                return {"kind": "compile-error", "detail": _clean(
                    "%s: %s" % (type(e).__name__, e))[:300]}, buf.getvalue()
            return {"kind": "raise", "cls": type(e).__name__,
                    "msg": str(e), "mro": exc_classes(e)}, buf.getvalue()
    return {"kind": "ok", "value": value, "extra": {
        "args": args, "views": arg_views(value, args)}}, buf.getvalue()


def worker_main():
    """Read `{"path", "lines": [...]}` requests; answer one JSON line each."""
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    # Numba's compiler recurses once per nested call of the compiled code
    # (stress_call_chain_100 needs more than the default 1000 frames).
    sys.setrecursionlimit(20000)
    import numba  # noqa: F401 - before any corpus file (see load_module)
    need_numpy()
    import pickle
    import base64
    modules, cache = {}, {}
    for req in sys.stdin:
        req = json.loads(req)
        path = req["path"]
        if path not in modules:
            modules[path] = load_module(path)
        mod = modules[path]
        for raw in req["lines"]:
            line = pickle.loads(base64.b64decode(raw))
            outcome, out = numba_outcome(mod, line, cache)
            if outcome["kind"] == "ok":
                v = outcome["value"]
                try:
                    outcome["value"] = base64.b64encode(
                        pickle.dumps(_plain(v))).decode()
                    outcome["extra"] = base64.b64encode(
                        pickle.dumps(outcome["extra"])).decode()
                except Exception:  # noqa: BLE001
                    outcome = {"kind": "raise", "cls": "Unpicklable",
                               "msg": repr(v), "mro": []}
            outcome["stdout"] = out
            proto.write(json.dumps(outcome) + "\n")
            proto.flush()


def _plain(v):
    """NumPy scalars to Python scalars, keeping the kind."""
    t = _pytype(v)
    if t is tuple:
        return tuple(_plain(x) for x in v)
    if t in (bool, int, float, complex) and type(v) is not t:
        return t(v)
    return v


class NumbaPool:
    def __init__(self, jobs, timeout):
        self.jobs = jobs
        self.timeout = timeout

    def run(self, work):
        """work: list of (path, [Line]) -> {Line: (outcome, stdout)}."""
        import base64
        import pickle
        results = {}
        pending = list(reversed(work))
        sel = selectors.DefaultSelector()
        workers = []

        def start():
            errf = open(os.devnull, "wb")
            p = subprocess.Popen([sys.executable, os.path.abspath(__file__),
                                  "--worker"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=errf)
            os.set_blocking(p.stdout.fileno(), False)
            w = {"proc": p, "buf": b"", "task": None, "deadline": 0,
                 "errf": errf}
            sel.register(p.stdout, selectors.EVENT_READ, w)
            return w

        def feed(w):
            if pending:
                path, lines = pending.pop()
                w["task"] = (path, list(lines))
                w["deadline"] = time.monotonic() + self.timeout
                req = {"path": path, "lines": [
                    base64.b64encode(pickle.dumps({
                        "func": ln.func, "args": ln.args, "kwargs": ln.kwargs,
                        "options": ln.options, "arrays": ln.arrays})).decode()
                    for ln in lines]}
                w["proc"].stdin.write((json.dumps(req) + "\n").encode())
                w["proc"].stdin.flush()
            else:
                w["task"] = None

        def restart(w, why):
            path, lines = w["task"]
            results[lines[0]] = ({"kind": "crash", "detail": why}, "")
            rest = lines[1:]
            sel.unregister(w["proc"].stdout)
            if w["proc"].poll() is None:
                w["proc"].kill()
            w["proc"].wait()
            w["errf"].close()
            nw = start()
            workers[workers.index(w)] = nw
            if rest:
                pending.append((path, rest))
            feed(nw)

        for _ in range(max(1, min(self.jobs, len(work)))):
            w = start()
            workers.append(w)
            feed(w)
        while any(w["task"] for w in workers):
            now = time.monotonic()
            wait = min([w["deadline"] - now for w in workers if w["task"]] + [1.0])
            for key, _ in sel.select(max(0.0, wait)):
                w = key.data
                if not w["task"]:
                    continue
                try:
                    chunk = os.read(w["proc"].stdout.fileno(), 1 << 16)
                except BlockingIOError:
                    continue
                if not chunk:
                    w["proc"].wait()
                    rc = w["proc"].returncode
                    why = ("signal %s" % signal.Signals(-rc).name) \
                        if rc and rc < 0 else "exit %s" % rc
                    restart(w, "worker died (%s)" % why)
                    continue
                w["buf"] += chunk
                while b"\n" in w["buf"] and w["task"]:
                    raw, w["buf"] = w["buf"].split(b"\n", 1)
                    outcome = json.loads(raw.decode())
                    if outcome["kind"] == "ok":
                        outcome["value"] = pickle.loads(
                            base64.b64decode(outcome["value"]))
                        outcome["extra"] = pickle.loads(
                            base64.b64decode(outcome["extra"]))
                    path, lines = w["task"]
                    results[lines.pop(0)] = (outcome, outcome.pop("stdout"))
                    w["deadline"] = time.monotonic() + self.timeout
                    if not lines:
                        feed(w)
            now = time.monotonic()
            for w in list(workers):
                if w["task"] and now > w["deadline"]:
                    restart(w, "timed out after %ss" % self.timeout)
        for w in workers:
            try:
                w["proc"].stdin.close()
            except OSError:
                pass
            w["proc"].wait(timeout=30)
            w["errf"].close()
        return results


def check_numba(pool, parsed, report):
    work = [(path, lines) for path, lines in parsed if lines]
    results = pool.run(work)
    for _, lines in work:
        for line in lines:
            outcome, out = results[line]
            judge_numba(line, outcome, out, report)


def _as_tuple_outcome(o):
    if o["kind"] == "ok":
        return ("ok", o["value"])
    if o["kind"] == "raise":
        return ("raise", o["cls"], o["msg"], o["mro"])
    return None


def judge_numba(line, o, out, report):
    only = "numjit-only" in line.flags
    if line.kind == "compile-error":
        if o["kind"] == "compile-error":
            if only:
                report.documented(line, "Numba also rejects it: " + o["detail"][:120])
            else:
                report.ok(line, "numba")
        elif only:
            report.documented(line, "Numba accepts it (%s)" % _describe(o))
        else:
            report.fail(line, "numba", "Numba compiled it (%s); expected a "
                        "compile error [%s]" % (_describe(o), line.code))
        return
    t = _as_tuple_outcome(o)
    if t is None:
        problems = ["%s: %s" % (o["kind"], o.get("detail", ""))]
    else:
        problems = judge(line, t, out, extra=o.get("extra"))
        # exception messages are CPython's; Numba words some differently
        if t[0] == "raise" and len(problems) == 1 and \
                problems[0].startswith("message "):
            report.message_differs(line, t[2])
            problems = []
    if only:
        if problems:
            report.documented(line, "; ".join(problems))
        else:
            report.documented(line, "Numba agrees here (marker may be unneeded)")
        return
    if problems:
        report.fail(line, "numba", "; ".join(problems))
    else:
        report.ok(line, "numba")


def _describe(o):
    if o["kind"] == "ok":
        return "returned %s" % fmt(o["value"])
    if o["kind"] == "raise":
        return "raised %s: %s" % (o["cls"], o["msg"])
    return "%s: %s" % (o["kind"], o.get("detail", ""))


# ---------------------------------------------------------------------------
# reporting
# ---------------------------------------------------------------------------

class Report:
    def __init__(self, verbose):
        self.verbose = verbose
        self.failures = []
        self.counts = {}
        self.documented_lines = []
        self.message_lines = []
        self.cpython_notes = []

    def _count(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1

    def ok(self, line, oracle):
        self._count(oracle + " ok")

    def skip(self, line, oracle):
        self._count(oracle + " skipped")

    def fail(self, line, oracle, why):
        self._count(oracle + " failed")
        self.failures.append("FAIL [%s] %s: %s\n    %s" % (
            oracle, line.where, why, line.text))

    def documented(self, line, what):
        self._count("numba documented")
        self.documented_lines.append("%s: %s\n    %s" % (line.where, what, line.text))

    def message_differs(self, line, msg):
        self.message_lines.append("%s: Numba says %r\n    %s" % (
            line.where, msg, line.text))

    def note_cpython(self, line, outcome):
        if outcome[0] == "ok":
            what = "returns %s" % fmt(outcome[1])
        elif outcome[0] == "raise":
            what = "raises %s: %s" % (outcome[1], outcome[2])
        else:
            what = outcome[1]
        self.cpython_notes.append("%s: CPython %s\n    %s" % (
            line.where, what, line.text))


def collect(paths_filter):
    """Corpus files as paths relative to tests/run: *.py, then arrays/*.py."""
    files = sorted(f for f in os.listdir(HERE)
                   if f.endswith(".py") and f != os.path.basename(__file__)
                   and not f.startswith("gen_"))
    if os.path.isdir(ARRAYS_DIR):
        files += sorted("arrays/" + f for f in os.listdir(ARRAYS_DIR)
                        if f.endswith(".py") and not f.startswith("gen_"))
    if paths_filter:
        files = [f for f in files if any(s in f for s in paths_filter)]
    return [os.path.join(HERE, f) for f in files]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("filters", nargs="*", help="only files whose name contains one")
    ap.add_argument("--numba", action="store_true",
                    help="also compile and run every line with Numba")
    ap.add_argument("--verbose", action="store_true",
                    help="list documented disagreements and message differences")
    ap.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1))
    ap.add_argument("--timeout", type=float, default=180.0,
                    help="seconds per Numba line (compile included)")
    ap.add_argument("--fill", action="store_true",
                    help="arrays corpus: replace `?` placeholders (`f(...) == ?`,"
                    " `argN == ?`)\nwith what CPython+NumPy computes, in place")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker_main()
        return

    report = Report(args.verbose)
    format_errors = []
    parsed = []
    paths = collect(args.filters)
    if any(os.path.dirname(p) == ARRAYS_DIR for p in paths):
        need_numpy()
    for path in paths:
        base = os.path.basename(path)
        group = base.split("_", 1)[0]
        groups = ARRAY_GROUPS if os.path.dirname(path) == ARRAYS_DIR else GROUPS
        if group not in groups or "_" not in base:
            format_errors.append("%s: file name must start with one of %s_" % (
                os.path.relpath(path, HERE), "_, ".join(groups)))
        lines, errors = parse_file(path)
        if not args.fill:
            for ln in lines:
                if ln.fill:
                    errors.append("%s: `?` placeholder (run with --fill)" % ln.where)
            lines = [ln for ln in lines if not ln.fill]
        format_errors += errors
        if not lines:
            format_errors.append("%s: no `# run` or `# compile-error` line" % base)
        parsed.append((path, lines))
        check_cpython(path, lines, report)

    if args.fill:
        write_fills()
        parsed = [(p, [ln for ln in ls if not ln.fill]) for p, ls in parsed]
    if args.numba:
        check_numba(NumbaPool(args.jobs, args.timeout), parsed, report)

    for e in format_errors:
        print("FORMAT", e)
    for f in report.failures:
        print(f)
    if args.verbose:
        if report.cpython_notes:
            print("\n== numba-semantics lines: what CPython does instead ==")
            for s in report.cpython_notes:
                print(s)
        if report.documented_lines:
            print("\n== numjit-only lines: what Numba does instead ==")
            for s in report.documented_lines:
                print(s)
        if report.message_lines:
            print("\n== exception messages Numba words differently ==")
            for s in report.message_lines:
                print(s)

    n_lines = sum(len(ls) for _, ls in parsed)
    c = report.counts
    parts = ["cpython: %d ok, %d failed, %d numba-semantics skipped" % (
        c.get("cpython ok", 0), c.get("cpython failed", 0),
        c.get("cpython skipped", 0))]
    if args.numba:
        parts.append("numba: %d ok, %d failed, %d numjit-only (documented), "
                     "%d message differences" % (
                         c.get("numba ok", 0), c.get("numba failed", 0),
                         c.get("numba documented", 0), len(report.message_lines)))
    if format_errors:
        parts.append("%d format errors" % len(format_errors))
    print("checked %d lines in %d files: %s" % (n_lines, len(paths), "; ".join(parts)))
    failed = format_errors or c.get("cpython failed", 0) or c.get("numba failed", 0)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
