"""numjit: a Numba-compatible just-in-time compiler for numerical Python, written in Rust.

    from numjit import njit, prange

    @njit(fastmath=True)
    def f(x, y):
        ...

``njit``/``jit`` take Numba's decorator options; the function's source is compiled on the
first call for the argument types of that call (or eagerly for explicit signatures).
Globals the function reads (numbers, tuples, the ``math``/``cmath``/``numpy`` modules, other
compiled functions of the same file) are frozen at the first compile, as Numba does.
"""
import functools
import os
import sys
import threading
from types import FunctionType, ModuleType

# `linecache` is imported when a function is first compiled; `inspect`, `ast` and
# `textwrap` only for inner functions (whose source is cut out of their file); NumPy only
# by `typeof` of a NumPy value. So `import numjit` and decorating stay fast (`inspect`
# alone costs about 10 ms).

from . import _core
from . import errors
from .errors import NumjitError, NumjitWarning, TypingError, UnsupportedError

__version__ = _core.__version__

__all__ = [
    "jit",
    "njit",
    "prange",
    "typeof",
    "types",
    "errors",
    "config",
    "set_num_threads",
    "get_num_threads",
    "NumjitError",
    "TypingError",
    "UnsupportedError",
    "NumjitWarning",
]

_core.set_color(bool(getattr(sys.stderr, "isatty", lambda: False)()))


class _Config:
    """The environment variables numjit reads, as attributes (Numba's ``numba.config``)."""

    def __init__(self):
        self.reload()

    def reload(self):
        env = os.environ
        self.DISABLE_JIT = env.get("NUMJIT_DISABLE_JIT", "0") not in ("", "0")
        threads = env.get("NUMJIT_NUM_THREADS", "")
        self.NUMBA_DEFAULT_NUM_THREADS = os.cpu_count() or 1
        self.NUM_THREADS = int(threads) if threads.isdigit() and int(threads) > 0 else (os.cpu_count() or 1)
        self.BOUNDSCHECK = env.get("NUMJIT_BOUNDSCHECK")
        self.OPT = env.get("NUMJIT_OPT")
        self.DUMP_IR = env.get("NUMJIT_DUMP_IR")


config = _Config()
_num_threads = threading.local()


def set_num_threads(n):
    """Sets the number of threads parallel loops use (at most ``config.NUM_THREADS``)."""
    n = int(n)
    if not 1 <= n <= config.NUM_THREADS:
        raise ValueError("The number of threads must be between 1 and %d" % config.NUM_THREADS)
    _num_threads.value = n


def get_num_threads():
    """The number of threads parallel loops use."""
    return getattr(_num_threads, "value", config.NUM_THREADS)


def prange(*args):
    """Numba's parallel range; in interpreted code it is ``range``."""
    return range(*args)


# ---------------------------------------------------------------------------------------
# decorator options

# Numba's decorator options; the ones without effect in numjit are accepted and ignored.
_KNOWN_OPTIONS = {
    "nopython",
    "fastmath",
    "parallel",
    "cache",
    "nogil",
    "boundscheck",
    "error_model",
    "inline",
    "locals",
    "forceobj",
    "looplift",
    "debug",
    "no_cpython_wrapper",
    "no_cfunc_wrapper",
    "no_rewrites",
    "_nrt",
    "opt",
}
# Options passed on to the compiler; the others are checked and dropped.
_CORE_OPTIONS = {
    "nopython", "fastmath", "parallel", "cache", "nogil", "boundscheck", "error_model", "inline", "opt", "locals",
}


def _check_options(options):
    for name in options:
        if name not in _KNOWN_OPTIONS:
            close = [known for known in sorted(_KNOWN_OPTIONS) if _similar(name, known)]
            hint = " (did you mean %r?)" % close[0] if close else ""
            raise TypeError("unexpected decorator option %r%s" % (name, hint))
    fastmath = options.get("fastmath")
    if fastmath is not None and not isinstance(fastmath, (bool, set, frozenset, list, tuple, dict)):
        raise TypeError("fastmath must be a bool or a set of flag names, not %s" % type(fastmath).__name__)
    if options.get("forceobj"):
        raise NotImplementedError("numjit has no object mode (forceobj=True)")
    for name, choices in (("inline", ("never", "always")), ("error_model", ("python", "numpy"))):
        value = options.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError("%s must be one of %s, not %s" % (name, _choices(choices), type(value).__name__))
        if value not in choices:
            raise ValueError("unknown %s option %r (expected %s)" % (name, value, _choices(choices)))
    locals_ = options.get("locals")
    if locals_ is not None and not isinstance(locals_, dict):
        raise TypeError("locals must be a dict of names to types")
    for name, ty in (locals_ or {}).items():
        if not isinstance(name, str):
            raise TypeError("locals must be a dict of names to types, not of %r" % (name,))
        _local_type_text(name, ty)


def _local_type_text(name, ty):
    """A declared local type as signature text (``float32``, ``float64[:, ::1]``): a
    ``numjit.types`` or Numba type, or the text itself."""
    if isinstance(ty, str):
        return ty
    text = str(ty)
    if not text or text.startswith("<") or "(" in text and not text.startswith(("array(", "UniTuple(", "Tuple(")):
        raise TypeError("locals: the type of %r must be a numjit type like types.float32, not %r" % (name, ty))
    return text


def _warn(message):
    """A ``NumjitWarning`` attributed to the first caller outside this package."""
    import warnings

    level, frame = 1, sys._getframe(0)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(__name__):
        level, frame = level + 1, frame.f_back
    warnings.warn(message, errors.NumjitWarning, stacklevel=level)


def _choices(choices):
    return " or ".join(repr(choice) for choice in choices)


def _similar(a, b):
    """Whether two option names are one edit or a plural apart."""
    if a.rstrip("s") == b or b.rstrip("s") == a:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    mismatches = sum(1 for x, y in zip(a, b) if x != y)
    return mismatches + abs(len(a) - len(b)) <= 1


def _signature_text(signature):
    if isinstance(signature, str):
        return signature
    text = str(signature)
    if "(" not in text:
        raise TypeError("a signature must be a string like 'float64(int64)' or a numjit type call, not %r" % signature)
    return text


# ---------------------------------------------------------------------------------------
# source and globals


def _source_unit(func):
    """(file name, text, first line) to compile ``func`` from.

    A function defined at the top level of a module file compiles from the whole file, so
    that other functions of the file it calls are found by name; any other function (an
    inner function, a closure) from its own source, dedented, decorators blanked out.
    """
    import linecache

    code = func.__code__
    file_name = code.co_filename
    top_level = func.__qualname__ == func.__name__
    if top_level and file_name and not file_name.startswith("<"):
        lines = linecache.getlines(file_name, func.__globals__)
        if lines:
            return file_name, "".join(lines), 1
    import ast
    import inspect
    import textwrap

    try:
        lines, first_line = inspect.getsourcelines(func)
    except (OSError, TypeError) as error:
        raise TypingError(
            "cannot find the source code of %s (%s): numjit compiles functions from their "
            "source, so functions defined in exec'd strings or interactively without a "
            "source file cannot be compiled" % (func.__qualname__, error)
        ) from None
    text = textwrap.dedent("".join(lines))
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return file_name, text, first_line
    body = tree.body[0] if tree.body else None
    if isinstance(body, (ast.FunctionDef, ast.AsyncFunctionDef)) and body.decorator_list:
        kept = text.splitlines(keepends=True)
        for index in range(body.decorator_list[0].lineno - 1, body.lineno - 1):
            kept[index] = "\n"
        text = "".join(kept)
    return file_name, text, first_line


def _code_names(code):
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _code_names(const)
    return names


_MODULES = {"numpy", "math", "cmath", "numba", "numjit"}


def _classify(name, value, same_file):
    """A global binding for the compiler: ``(name, kind, payload)`` or ``None``."""
    if isinstance(value, Dispatcher):
        if same_file(value.py_func) and value.py_func.__qualname__ == value.py_func.__name__:
            return (name, "function", value.py_func.__name__)
        # Another dispatcher (an inner function, or one of another file): its source is
        # compiled along with the caller's (see _with_callees).
        return (name, "dispatcher", value)
    if value is prange or getattr(value, "__name__", None) == "prange" and getattr(value, "__module__", "").startswith("numba"):
        return (name, "prange", None)
    module_name = getattr(value, "__name__", None)
    if isinstance(value, ModuleType):
        if module_name in _MODULES:
            return (name, "module", module_name)
        return None
    if isinstance(value, (bool, int, float, complex)) or value is None:
        return (name, "value", value)
    if isinstance(value, tuple):
        return (name, "value", value)
    owner = getattr(value, "__module__", None)
    if owner in _MODULES and module_name and callable(value):
        return (name, "member", (owner, module_name))
    if owner == "numpy" and hasattr(value, "dtype") and getattr(value, "shape", None) == ():
        return (name, "value", value)  # a NumPy scalar
    if type(value).__name__ == "ndarray" and type(value).__module__ == "numpy":
        return (name, "value", value)  # frozen at first compile, readonly (as in Numba)
    if isinstance(value, FunctionType) and same_file(value) and value.__qualname__ == value.__name__:
        return (name, "function", value.__name__)
    return None


def _globals_of(func):
    """The bindings of the free names ``func`` reads: closure cells, then its globals."""
    code = func.__code__
    bindings = []
    file_name = code.co_filename

    def same_file(other):
        return getattr(getattr(other, "__code__", None), "co_filename", None) == file_name

    closure = dict(zip(code.co_freevars, (cell.cell_contents for cell in (func.__closure__ or ()))))
    for name in sorted(_code_names(code) | set(closure)):
        if name in closure:
            value = closure[name]
        elif name in func.__globals__:
            value = func.__globals__[name]
        else:
            continue
        binding = _classify(name, value, same_file)
        if binding is not None:
            bindings.append(binding)
    return bindings


def _with_callees(func, text):
    """The source to compile ``func`` from and its bindings, with the source of every other
    dispatcher it calls (inner functions, closures, other files' functions) appended as
    top-level functions bound by name, recursively. Such a callee sees the bindings of its
    own free names, unless the caller binds the same name differently (then the caller's).
    """
    bindings = {}
    pieces = [text]
    seen = {id(func)}
    pending = [func]
    while pending:
        current = pending.pop()
        for name, kind, payload in _globals_of(current):
            if kind == "dispatcher":
                callee = payload.py_func
                bindings.setdefault(name, (name, "function", callee.__name__))
                if id(callee) not in seen:
                    seen.add(id(callee))
                    _, callee_text, _ = _source_unit(callee)
                    pieces.append(callee_text)
                    pending.append(callee)
            else:
                bindings.setdefault(name, (name, kind, payload))
    return "\n\n".join(pieces), sorted(bindings.values(), key=lambda binding: binding[0])


def _cache_dir(func):
    """Where ``cache=True`` keeps ``func``'s versions: ``__pycache__`` beside its file, as
    Numba does, or a per-user directory when that is not writable (``NUMJIT_CACHE_DIR``,
    read by the compiler, overrides both)."""
    source_dir = os.path.dirname(os.path.abspath(func.__code__.co_filename))
    local = os.path.join(source_dir, "__pycache__")
    try:
        os.makedirs(local, exist_ok=True)
        if os.access(local, os.W_OK):
            return local
    except OSError:
        pass
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "numjit", source_dir.strip(os.sep).replace(os.sep, "_"))


# ---------------------------------------------------------------------------------------
# dispatcher


class Dispatcher(_core.CoreDispatcher):
    """A compiled function: calls compile a version per argument-type signature.

    Calls go straight to the extension's ``__call__`` (no Python frame); the first one
    compiles the source through ``_compile_core``.
    """

    def __init__(self, py_func, options, signatures):
        self.py_func = py_func
        self.targetoptions = dict(options)
        self._signatures = [_signature_text(signature) for signature in signatures]
        self._lock = threading.Lock()
        functools.update_wrapper(self, py_func)
        if self._signatures:
            self._compile_core()

    def _compile_core(self):
        with self._lock:
            if not self._is_compiled:
                file_name, text, first_line = _source_unit(self.py_func)
                text, bindings = _with_callees(self.py_func, text)
                options = {key: value for key, value in self.targetoptions.items() if key in _CORE_OPTIONS}
                if isinstance(options.get("fastmath"), (set, frozenset, list, tuple, dict)):
                    options["fastmath"] = sorted(options["fastmath"])
                if self._signatures:
                    options["signatures"] = list(self._signatures)
                if options.get("locals"):
                    options["locals"] = [(name, _local_type_text(name, ty)) for name, ty in options["locals"].items()]
                if options.get("cache"):
                    options["cache_dir"] = _cache_dir(self.py_func)
                self._compile_source(
                    file_name, text, first_line, self.py_func.__name__, bindings, options
                )
        return self

    @property
    def stats(self):
        """``cache_hits`` (versions ``cache=True`` linked from disk) and ``cache_misses``
        (versions compiled), as Numba's dispatchers count them."""
        from types import SimpleNamespace  # the standard library's, not numjit.types

        hits, misses = self._cache_counts
        return SimpleNamespace(cache_hits=hits, cache_misses=misses)

    def compile(self, signature):
        """Compiles the version for ``signature`` now."""
        self._compile_core()._compile_signature(_signature_text(signature))

    @property
    def signatures(self):
        """The argument-type signatures compiled so far."""
        return list(self._compiled_signatures)

    @property
    def overloads(self):
        """The compiled versions, by signature."""
        return {signature: self for signature in self.signatures}

    def _inspect(self, stage, signature=None):
        self._compile_core()
        signatures = [signature] if signature is not None else self.signatures
        return {sig: self._inspect_stage(sig, stage) for sig in signatures}

    def inspect_types(self, signature=None, file=None):
        """Prints the inferred types of every local, per compiled signature."""
        text = "\n".join(self._inspect("types", signature).values())
        print(text, file=file or sys.stdout)

    def inspect_llvm(self, signature=None):
        """The optimised LLVM IR per compiled signature."""
        return self._inspect("llvm", signature)

    def inspect_asm(self, signature=None):
        """The host assembly per compiled signature."""
        return self._inspect("asm", signature)

    def __repr__(self):
        return "numjit.Dispatcher(%s)" % self.py_func.__qualname__

    def __get__(self, instance, owner=None):
        return self if instance is None else functools.partial(self, instance)


def njit(*args, **options):
    """Compiles a function in nopython mode (Numba's ``njit``).

    ``@njit``, ``@njit(**options)``, ``@njit("float64(float64)")`` and
    ``@njit(["int64(int64)", "float64(float64)"], **options)`` are all accepted.
    """
    options.setdefault("nopython", True)
    _check_options(options)
    if len(args) == 1 and callable(args[0]) and not isinstance(args[0], (str, list, tuple)) and not hasattr(args[0], "_numjit_signature"):
        return _wrap(args[0], options, [])
    if len(args) > 1:
        raise TypeError("njit takes at most one positional argument (a function or signatures)")
    signatures = []
    if args:
        spec = args[0]
        signatures = [_signature_text(sig) for sig in (spec if isinstance(spec, (list, tuple)) else [spec])]

    def decorate(func):
        return _wrap(func, options, signatures)

    return decorate


def jit(*args, **options):
    """Numba's ``jit``: numjit has no object mode, so this is ``njit``."""
    if options.get("nopython") is False:
        options = dict(options)
        options.pop("nopython")
    return njit(*args, **options)


def _wrap(func, options, signatures):
    if isinstance(func, Dispatcher):
        func = func.py_func
    if not isinstance(func, FunctionType):
        raise TypeError("numjit compiles Python functions, not %s" % type(func).__name__)
    if config.DISABLE_JIT:
        return func
    return Dispatcher(func, options, signatures)


from . import types  # noqa: E402  (types imports Dispatcher-free parts only)
from .types import typeof  # noqa: E402
