"""Numba-style type objects for signatures: ``float64(int64, float64[:, ::1])``.

A type prints as the spelling numjit's signature grammar reads, so ``str(sig)`` of any
signature built here can be handed to ``njit``.
"""
class Type:
    """A type by its signature spelling."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name

    def __repr__(self):
        return self.name

    def __eq__(self, other):
        return isinstance(other, Type) and other.name == self.name

    def __hash__(self):
        return hash(self.name)

    def __call__(self, *args):
        """A signature returning this type: ``float64(int64, int64)``."""
        return Signature(self, args)

    def __getitem__(self, key):
        """An array type of this dtype: ``float64[:]``, ``float64[:, ::1]`` (C),
        ``float64[::1, :]`` (F)."""
        axes = key if isinstance(key, tuple) else (key,)
        if not axes or not all(isinstance(axis, slice) for axis in axes):
            raise TypeError("array types are written with slices, like float64[:, :]")
        parts = []
        for axis in axes:
            if axis.start is not None or axis.stop is not None or axis.step not in (None, 1):
                raise TypeError("array type axes are ':' or '::1', not %r" % axis)
            parts.append("::1" if axis.step == 1 else ":")
        return Type("%s[%s]" % (self.name, ", ".join(parts)))


class Signature:
    """``return_type(arg_types...)``."""

    __slots__ = ("return_type", "args")
    _numjit_signature = True

    def __init__(self, return_type, args):
        self.return_type = return_type
        self.args = tuple(args)

    def __str__(self):
        return "%s(%s)" % (self.return_type, ", ".join(str(arg) for arg in self.args))

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, Signature) and str(other) == str(self)

    def __hash__(self):
        return hash(str(self))


boolean = bool_ = b1 = Type("boolean")
int8 = Type("int8")
int16 = Type("int16")
int32 = Type("int32")
int64 = intp = Type("int64")
uint8 = Type("uint8")
uint16 = Type("uint16")
uint32 = Type("uint32")
uint64 = uintp = Type("uint64")
float32 = Type("float32")
float64 = double = Type("float64")
complex64 = Type("complex64")
complex128 = Type("complex128")
none = void = Type("none")


def UniTuple(item, count):
    """A tuple of ``count`` items of one type."""
    return Type("UniTuple(%s, %d)" % (item, count))


def Tuple(*items):
    """A tuple of the given item types."""
    if len(items) == 1 and isinstance(items[0], (list, tuple)):
        items = tuple(items[0])
    return Type("Tuple(%s)" % ", ".join(str(item) for item in items))


def optional(inner):
    """A value of ``inner`` type or ``None``."""
    return Type("optional(%s)" % inner)


_DTYPES = {
    "bool": boolean,
    "int8": int8,
    "int16": int16,
    "int32": int32,
    "int64": int64,
    "uint8": uint8,
    "uint16": uint16,
    "uint32": uint32,
    "uint64": uint64,
    "float32": float32,
    "float64": float64,
    "complex64": complex64,
    "complex128": complex128,
}


def typeof(value):
    """The type compiled code gives ``value`` (Numba's ``typeof``)."""
    import numpy as _np  # only when asked: `import numjit` stays fast

    if isinstance(value, bool):
        return boolean
    if isinstance(value, int):
        return int64 if -(2**63) <= value < 2**63 else uint64
    if isinstance(value, float):
        return float64
    if isinstance(value, complex):
        return complex128
    if value is None:
        return none
    if isinstance(value, tuple):
        items = [typeof(item) for item in value]
        if items and all(item == items[0] for item in items):
            return UniTuple(items[0], len(items))
        return Tuple(*items)
    if isinstance(value, _np.generic) and value.dtype.name in _DTYPES:
        return _DTYPES[value.dtype.name]
    if isinstance(value, _np.ndarray):
        # The extension computes it as the dispatcher does (layout C/F/A, readonly); an
        # unsupported dtype is a TypeError naming it.
        from . import _core

        return Type(_core.typeof(value))
    raise ValueError("cannot determine the numjit type of %s" % type(value).__name__)
