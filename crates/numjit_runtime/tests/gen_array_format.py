#!/usr/bin/env python3
"""Writes tests/data/array_format.txt: arrays with NumPy's str() and repr() of them.

Run by hand (not by the test suite) with NumPy 2.x installed:

    python3 crates/numjit_runtime/tests/gen_array_format.py

For a larger random search that is not checked in:

    python3 crates/numjit_runtime/tests/gen_array_format.py --fuzz 5000 --seed 7 --out /tmp/f.txt
    ARRAY_FORMAT_DATA=/tmp/f.txt cargo test -p numjit_runtime --test array_format

The Rust test tests/array_format.rs reads the file and checks numjit_runtime::array_format
against every case.

File format, one block per case:

    case NAME
    dtype DTYPE
    shape 2,3          (empty after "shape" for a 0-d array)
    data TOKEN ...     (C order; VALUE*COUNT repeats VALUE; complex "RE,IM"; bool 0/1)
    str N              followed by N lines: str(a)
    repr N             followed by N lines: repr(a)
    end

Floats are written as Python's repr of the (exactly widened) value, so they round-trip.
In summarised arrays (more than 1000 elements) the elements NumPy does not show are
replaced by a shown one before printing, which changes neither text, so the repeats
compress them.
"""

import math
import os
import sys

import numpy as np

assert np.__version__.startswith("2."), np.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "array_format.txt")
FUZZ = None
if "--fuzz" in sys.argv:
    FUZZ = int(sys.argv[sys.argv.index("--fuzz") + 1])
    OUT = sys.argv[sys.argv.index("--out") + 1]
SEED = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261125
rng = np.random.default_rng(SEED)
np.seterr(all="ignore")

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
]
INTS = [d for d in DTYPES if "int" in d]
FLOATS = ["float32", "float64"]
COMPLEX = ["complex64", "complex128"]

cases = []


def add(name, a):
    cases.append((name, np.asarray(a) if not isinstance(a, np.ndarray) else a))


def token(dtype, x):
    if dtype == "bool":
        return "1" if x else "0"
    if dtype in INTS:
        return str(int(x))
    if dtype in FLOATS:
        return repr(float(x))
    return repr(float(x.real)) + "," + repr(float(x.imag))


def hide_unshown(a):
    """A copy of `a` whose elements NumPy's summary hides are set to a shown element."""
    if a.size <= 1000:
        return np.ascontiguousarray(a)
    keep = [list(range(3)) + list(range(n - 3, n)) if n > 6 else list(range(n)) for n in a.shape]
    mask = np.zeros(a.shape, dtype=bool)
    mask[np.ix_(*keep)] = True
    b = np.array(a, order="C", copy=True)
    b[~mask] = b[mask].flat[0]
    assert str(b) == str(a) and repr(b) == repr(a), "hiding changed the text"
    return b


def encode(a):
    b = hide_unshown(a)
    tokens = [token(a.dtype.name, x) for x in b.ravel(order="C")]
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j] == tokens[i]:
            j += 1
        out.extend([tokens[i]] * (j - i) if j - i < 3 else [f"{tokens[i]}*{j - i}"])
        i = j
    return " ".join(out)


# ---------------------------------------------------------------------------------------
# Hand-picked cases.

add("float basic", [1.0, 2.5, -3.0])
add("float ints", [1.0, 2.0, 3.0])
add("float zeros", [0.0, 0.0])
add("float negative zero", [-0.0, 0.0, 1.5])
add("float only negative zero", [-0.0])
add("float tenth", [0.1, 0.2, 0.30000000000000004])
add("float third", [1 / 3, 2 / 3, 1.0])
add("float pi e", [math.pi, math.e, -math.pi])
add("float small exp", [1e-5, 1e5])
add("float 1e-4 edge", [1e-4, 1.0])
add("float below 1e-4", [9.999e-5, 1.0])
add("float 1e8 edge", [1e8, 1.0])
add("float below 1e8", [99999999.0, 1.0])
add("float ratio 1000", [1.0, 1000.0])
add("float ratio 1000.5", [1.0, 1000.5])
add("float ratio 1001", [0.5, 501.0])
add("float huge", [1e300, -1e-300, 1.0])
add("float max min", [np.finfo(np.float64).max, np.finfo(np.float64).tiny, 5e-324])
add("float subnormal", [5e-324, 1e-310])
add("float exp 3 digits", [1e100, 1e-100])
add("float exp mixed digits", [1e100, 1.5e5])
add("float nan", [np.nan])
add("float nans", [np.nan, np.nan])
add("float inf", [np.inf])
add("float -inf", [-np.inf])
add("float nan inf", [np.nan, np.inf, -np.inf])
add("float nan and values", [np.nan, 1.0, 2.5])
add("float inf and wide", [np.inf, 123456.789])
add("float -inf and exp", [-np.inf, 1e-10, 3.0])
add("float nan exp", [np.nan, 1e20])
add("float 8 digits", [0.12345678, 1.0])
add("float 9 digits", [0.123456789, 1.0])
add("float rounding carry", [0.999999999, 1.0])
add("float rounding carry 2", [9.9999999999, 2.0])
add("float rounding trim", [1.19999999996, 3.0])
add("float ties", [0.125, 0.375, 2.5])
add("float ties 8", [0.123456785, 0.123456775, 1.0])
add("float exp rounding", [1.23456789012e-7, 1.0])
add("float exp carry", [9.9999999999e-7, 1.0])
add("float large integers", [123456789.0, 1.0])
add("float 2**53", [2.0**53, 2.0**53 + 2])
add("float powers of two", [2.0**-30, 2.0**-20, 2.0**-10])
add("float powers of two exp", [2.0**-60, 2.0**70])
add("float negative", [-1.0, -2.0, -3.5])
add("float mixed sign exp", [-1e-7, 1e7, 0.0])
add("float zero and exp", [0.0, 1e-7])
add("float zero and big", [0.0, 1e10])
add("float -zero and exp", [-0.0, 1e-7])
add("float int widths", [1.0, 10.0, 100.0, 1000.0])
add("float fraction widths", [0.5, 0.25, 0.125, 0.0625])

add("f32 basic", np.array([1.0, 2.5, -3.0], np.float32))
add("f32 tenth", np.array([0.1, 0.2, 0.3], np.float32))
add("f32 third", np.array([1 / 3, 2 / 3], np.float32))
add("f32 pi", np.array([math.pi], np.float32))
add("f32 1e6 edge", np.array([1e6, 1.0], np.float32))
add("f32 below 1e6", np.array([999999.0, 1.0], np.float32))
add("f32 1e-4", np.array([1e-4, 1.0], np.float32))
add("f32 1e-4 alone", np.array([1e-4], np.float32))
add("f32 ratio", np.array([1.0, 1000.0], np.float32))
add("f32 ratio 1000.0001", np.array([1.0, 1000.0001], np.float32))
add("f32 exp min digits", np.array([1.1, 1.23456789e-5], np.float32))
add("f32 max", np.array([np.finfo(np.float32).max, np.finfo(np.float32).tiny], np.float32))
add("f32 subnormal", np.array([1e-45, 1e-40], np.float32))
add("f32 nan inf", np.array([np.nan, np.inf, -np.inf, 1.5], np.float32))
add("f32 16777217", np.array([16777216.0, 16777218.0], np.float32))
add("f32 0.1 exp", np.array([0.1, 1e-7], np.float32))
add("f32 large int", np.array([123456.0, 0.5], np.float32))
# Two shortest candidates equally near: NumPy takes the even last digit.
add("f32 ties", np.array([512508.625, -262144.375, 300000.125], np.float32))
add("f32 ties exp", np.array([512508.625, -262144.375, 300000.125, 0.5], np.float32))
add("f32 tie 0-d", np.array(512508.625, np.float32))
add("complex64 ties", np.array([512508.625 - 300000.125j, 1 + 1j], np.complex64))
for v in [930823144219769.75, 761573138597701.25, 76341961157587.125, 82687941701480.625]:
    add(f"0-d float64 tie {v!r}", np.array(v))
# Powers of two whose lower neighbour is nearer: Dragon4 rounds their last digit up.
for e in [-96, 87, 90, -95, 88]:
    v = 2.0**e
    add(f"f32 2**{e}", np.array([v], np.float32))
    add(f"f32 2**{e} 0-d", np.array(v, np.float32))
    add(f"f32 2**{e} with longer", np.array([v, 1.2345679 * v], np.float32))
    add(f"f32 2**{e} with shorter", np.array([v, 1.5 * v, -v], np.float32))
    add(f"complex64 2**{e}", np.array([v + 1j * v], np.complex64))
add("f32 all powers of two", np.array([2.0**e for e in range(-149, 128)], np.float32))
add("f64 2**-1017 0-d", np.array(2.0**-1017))
add("f64 2**-1007 0-d", np.array(2.0**-1007))
add("f64 powers of two exp", np.array([2.0**e for e in range(-60, 60, 7)]))
add("complex128 0-d tie", np.array(761573138597701.25 + 76341961157587.125j))

add("int basic", [1, 2, 3])
add("int negative", [-1, 20, -300])
add("int64 min max zero", np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max, 0], np.int64))
add("int64 min", np.array([np.iinfo(np.int64).min], np.int64))
add("uint64 max", np.array([np.iinfo(np.uint64).max, 0, 1], np.uint64))
for d in INTS:
    info = np.iinfo(d)
    add(f"{d} extremes", np.array([info.min, info.max, 0], d))
    add(f"{d} small", np.array([0, 1, 2, 3], d))
    add(f"{d} 0-d", np.array(info.max, d))
    add(f"{d} empty", np.array([], d))

add("bool", [True, False, True])
add("bool all true", [True, True])
add("bool all false", [False, False])
add("bool 2d", [[True, False], [False, True]])
add("bool 0-d true", np.array(True))
add("bool 0-d false", np.array(False))
add("bool empty", np.array([], bool))

add("complex basic", [1 + 2j, 3 - 4j])
add("complex zero", [0j, -0.0 + 0j, complex(0.0, -0.0)])
add("complex unit", [1j])
add("complex mixed", [1.5 + 2j, -3.25 - 0.5j, 100 + 0.001j])
add("complex exp", [1e-10 + 1j, 1 + 1e10j])
add("complex real exp only", [1e-10 + 1j, 1 + 2j])
add("complex nan", [complex(np.nan, 1), complex(1, np.nan)])
add("complex inf", [complex(np.inf, -np.inf), complex(-np.inf, np.inf), 1 + 1j])
add("complex nan inf only", [complex(np.nan, np.inf)])
add("complex64 basic", np.array([1 + 2j, 0.1 + 0.2j], np.complex64))
add("complex64 exp", np.array([1e6 + 1j, 1.5 + 0j], np.complex64))
add("complex64 nan", np.array([complex(np.nan, -np.inf), 2 + 3j], np.complex64))

for d in DTYPES:
    add(f"{d} empty 1d", np.zeros(0, d))
    add(f"{d} empty (0, 3)", np.zeros((0, 3), d))
    add(f"{d} empty (2, 0)", np.zeros((2, 0), d))
add("empty (3, 0, 2)", np.zeros((3, 0, 2)))
add("empty (0,)*4", np.zeros((0, 0, 0, 0)))

# 0-d arrays of every kind.
for v in [5.0, 0.0, -0.0, 0.1, 1e16, 1e15, 1e-5, 1e-4, 123.456, 1e300, np.nan, np.inf, -np.inf,
          1 / 3, 2.0**53, 5e-324]:
    add(f"0-d float64 {v!r}", np.array(v))
for v in [5.0, 0.0, -0.0, 0.1, 1e6, 999999.0, 1e-5, 1e-4, 1e10, 3.4028235e38, 1e-45, np.nan,
          -np.inf, 1 / 3, 16777216.0, 0.00010001]:
    add(f"0-d float32 {v!r}", np.array(v, np.float32))
for v in [1 + 2j, 2j, -2j, 0j, complex(-0.0, -1), complex(1.5, -0.0), complex(np.nan, np.inf),
          complex(np.inf, np.nan), complex(0, np.nan), complex(0, -np.inf), complex(-0.0, 0),
          1e16 + 1j, 1e-5 + 0.1j, 1e6 + 1j, complex(0, 1e6), 1 / 3 + 2j / 3]:
    add(f"0-d complex128 {v!r}", np.array(v))
    add(f"0-d complex64 {v!r}", np.array(v, np.complex64))

# Shapes and nesting.
add("2d int", np.arange(6).reshape(2, 3))
add("3d int", np.arange(8).reshape(2, 2, 2))
add("4d int", np.arange(16).reshape(2, 2, 2, 2))
add("4d float", np.arange(24.0).reshape(2, 3, 2, 2) / 4)
add("5d", np.arange(32).reshape(2, 2, 2, 2, 2))
add("ones 1x1x1", np.ones((1, 1, 1)))
add("column", np.arange(5.0).reshape(5, 1))
add("3d float32", (np.arange(12, dtype=np.float32).reshape(2, 3, 2) - 5) / 3)
add("3d complex", (np.arange(8).reshape(2, 2, 2) + 1j * np.arange(8)[::-1].reshape(2, 2, 2)))
add("3d bool", np.arange(12).reshape(3, 2, 2) % 3 == 0)

# Wrapping.
add("wrap ints", np.arange(30))
add("wrap ints 100", np.arange(100))
add("wrap negative ints", np.arange(-50, 50, 3))
add("wrap floats", np.linspace(0, 1, 25))
add("wrap floats exp", np.logspace(-10, 10, 21))
add("wrap 2d", np.arange(60.0).reshape(3, 20) / 7)
add("wrap 3d", np.arange(120).reshape(2, 3, 20) * 1001)
add("wrap complex", np.arange(20) * (1 + 1j) / 3)
add("wrap bool", np.arange(40) % 3 == 0)
add("wrap long words", np.array([np.iinfo(np.int64).min] * 8))
add("wrap uint64", np.full(9, np.iinfo(np.uint64).max, np.uint64))
add("wrap int8", np.arange(-128, 127, 5, dtype=np.int8))
add("wrap 4d", np.arange(2 * 2 * 2 * 30).reshape(2, 2, 2, 30))
add("exactly 74 wide", np.array([1234567] * 9))
add("word wider than line", np.array([1e-300 + 1e300j, 2 + 3j]) * np.array([1, 1]))
for n in range(9, 17):
    add(f"wrap at {n}", np.arange(n) * 10**7)

# Summarised.
add("summary 1001", np.arange(1001))
add("summary 2000 floats", np.arange(2000) / 3)
add("summary 2d", np.arange(2000).reshape(40, 50))
add("summary 2d narrow", np.arange(3000).reshape(1000, 3))
add("summary 2d wide", np.arange(3000).reshape(3, 1000))
add("summary 3d", np.arange(1331).reshape(11, 11, 11) * 1.5)
add("summary 4d", np.arange(2401).reshape(7, 7, 7, 7))
add("summary bool", np.arange(1500) % 2 == 0)
add("summary complex", np.arange(1200) * (1 - 2j))
add("summary int8", (np.arange(1500) % 256 - 128).astype(np.int8))
add("summary f32", np.linspace(-1, 1, 1234, dtype=np.float32))
add("summary nan", np.where(np.arange(1100) % 2 == 0, np.nan, np.arange(1100)))
add("summary exp", np.logspace(-20, 20, 1500))
add("summary exactly 1000", np.arange(1000))
add("summary (1, 1001)", np.arange(1001).reshape(1, 1001))
add("summary (1001, 1)", np.arange(1001.0).reshape(1001, 1))
add("summary middle hidden", np.concatenate([np.ones(3), np.full(2000, 1e-20), np.ones(3)]))

# Views: F order, strided, reversed, transposed, broadcast.
base = np.arange(24.0).reshape(4, 6) / 8
add("F order", np.asfortranarray(base))
add("transpose", base.T)
add("strided", base[::2, ::3])
add("reversed", base[::-1, ::-1])
add("broadcast", np.broadcast_to(np.arange(3.0), (4, 3)))
add("broadcast summary", np.broadcast_to(np.arange(5), (300, 5)))
add("3d transposed", np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1))
add("column slice", base[:, 1])
add("F order int32", np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)))
add("strided complex", (np.arange(16) + 1j)[::3])

# ---------------------------------------------------------------------------------------
# Random cases.

MAGNITUDES = [
    ("unit", lambda n: rng.uniform(-1, 1, n)),
    ("positive", lambda n: rng.uniform(0, 10, n)),
    ("normal", lambda n: rng.normal(0, 100, n)),
    ("integral", lambda n: rng.integers(-1000, 1000, n).astype(float)),
    ("half", lambda n: rng.integers(-100, 100, n) / 2),
    ("decimals", lambda n: rng.integers(-10**6, 10**6, n) / 1000),
    ("short", lambda n: np.round(rng.uniform(-100, 100, n), rng.integers(0, 4))),
    ("tiny", lambda n: rng.uniform(0, 1e-6, n)),
    ("huge", lambda n: rng.uniform(-1e12, 1e12, n)),
    ("wide", lambda n: 10.0 ** rng.uniform(-30, 30, n) * rng.choice([-1, 1], n)),
    ("near", lambda n: 10.0 ** rng.uniform(-4.5, 3.5, n)),
    ("lognormal", lambda n: rng.lognormal(0, 3, n)),
    ("bits", lambda n: random_bits(n)),
]


def random_bits(n):
    x = rng.integers(0, 2**63, n, dtype=np.uint64).view(np.float64)
    return np.where(np.isfinite(x), x, 1.0)


def sprinkle(x):
    """Puts NaN, infinities, zeros into some arrays."""
    if x.size and rng.random() < 0.2:
        k = rng.integers(1, 3)
        specials = [np.nan, np.inf, -np.inf, 0.0, -0.0]
        for _ in range(k):
            x.flat[rng.integers(0, x.size)] = specials[rng.integers(0, len(specials))]
    return x


SHAPES = [(), (1,), (2,), (3,), (5,), (8,), (12,), (20,), (2, 2), (2, 3), (3, 4), (4, 7),
          (2, 2, 3), (2, 3, 4), (1, 2, 1, 3), (2, 2, 2, 2), (3, 1, 4)]


def random_shape():
    return SHAPES[rng.integers(0, len(SHAPES))]


for i in range(160):
    name, gen = MAGNITUDES[i % len(MAGNITUDES)]
    shape = random_shape()
    n = int(np.prod(shape))
    dtype = FLOATS[(i // len(MAGNITUDES)) % 2]
    x = sprinkle(gen(n).astype(dtype)).reshape(shape)
    add(f"random {dtype} {name} {i}", x)

for i in range(80):
    name, gen = MAGNITUDES[i % len(MAGNITUDES)]
    shape = random_shape()
    n = int(np.prod(shape))
    dtype = COMPLEX[(i // len(MAGNITUDES)) % 2]
    re_gen = MAGNITUDES[(i * 7 + 3) % len(MAGNITUDES)][1]
    x = (sprinkle(gen(n)) + 1j * sprinkle(re_gen(n))).astype(dtype).reshape(shape)
    add(f"random {dtype} {name} {i}", x)

for i in range(60):
    dtype = INTS[i % len(INTS)]
    info = np.iinfo(dtype)
    shape = random_shape()
    n = int(np.prod(shape))
    if i % 3 == 0:
        x = rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True)
    else:
        hi = min(int(info.max), 10 ** int(rng.integers(1, 6)))
        lo = max(int(info.min), -hi)
        x = rng.integers(lo, hi, n, endpoint=True).astype(dtype)
    add(f"random {dtype} {i}", x.reshape(shape))

for i in range(15):
    shape = random_shape()
    add(f"random bool {i}", rng.random(shape) < 0.5)

# Random float32 values whose float32 shortest digits differ from float64's.
for i in range(20):
    x = rng.uniform(-10, 10, 6).astype(np.float32) * np.float32(10.0 ** rng.integers(-5, 8))
    add(f"random f32 digits {i}", x)

# Random wrapping rows.
for i in range(20):
    dtype = [np.float64, np.float32, np.int64, np.int16, np.complex128][i % 5]
    n = int(rng.integers(15, 60))
    x = rng.normal(0, 10 ** rng.integers(0, 6), n)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.normal(0, 1, n)
    add(f"random wrap {np.dtype(dtype).name} {i}", x.astype(dtype))


# ---------------------------------------------------------------------------------------
# Fuzzing: random dtypes, shapes, magnitudes and special values, not checked in.

def random_bits_f32(n):
    x = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32).view(np.float32)
    return np.where(np.isfinite(x), x, np.float32(1.0))


def fuzz_floats(n, dtype):
    kind = rng.integers(0, 8)
    if kind == 0:
        x = random_bits_f32(n).astype(dtype) if dtype == np.float32 else random_bits(n)
    elif kind == 1:
        # Decimal ties and near-ties around the 8th digit.
        x = rng.integers(-10**9, 10**9, n) / 10.0 ** rng.integers(0, 10) + rng.choice([0, 5e-9, -5e-9], n)
    elif kind == 2:
        # Powers of two, whose lower neighbour is closer.
        x = 2.0 ** rng.integers(-80, 80, n) * rng.choice([-1, 1], n)
    elif kind == 3:
        # Magnitudes around the scientific-notation thresholds.
        edge = rng.choice([1e-4, 1e6, 1e8, 1e3, 1.0])
        x = edge * (1 + rng.integers(-3, 4, n) * np.finfo(dtype).eps)
    else:
        x = MAGNITUDES[rng.integers(0, len(MAGNITUDES))][1](n)
    return sprinkle(np.asarray(x, dtype=np.float64).astype(dtype))


def fuzz_case(i, allow_big=True):
    dtype = DTYPES[rng.integers(0, len(DTYPES))]
    ndim = int(rng.choice([0, 1, 1, 1, 2, 2, 3, 4]))
    big = allow_big and rng.random() < 0.05
    shape = tuple(int(rng.integers(0 if rng.random() < 0.03 else 1, 9 if not big else 40)) for _ in range(ndim))
    while not allow_big and np.prod(shape) > 120:
        shape = tuple(max(1, n // 2) for n in shape)
    if big and ndim == 1:
        shape = (int(rng.integers(900, 1500)),)
    n = int(np.prod(shape))
    if dtype == "bool":
        x = rng.random(n) < 0.5
    elif dtype in INTS:
        info = np.iinfo(dtype)
        hi = min(int(info.max), 10 ** int(rng.integers(0, 20)))
        lo = max(int(info.min), -hi if rng.random() < 0.7 else 0)
        x = rng.integers(lo, hi, n, endpoint=True, dtype=np.int64 if info.min < 0 or info.max < 2**63 else np.uint64)
    elif dtype in FLOATS:
        x = fuzz_floats(n, np.dtype(dtype).type)
    else:
        part = np.float32 if dtype == "complex64" else np.float64
        x = fuzz_floats(n, part) + 1j * fuzz_floats(n, part)
    return f"fuzz {i}", np.asarray(x).astype(dtype).reshape(shape)


if FUZZ is not None:
    cases.clear()
    for i in range(FUZZ):
        cases.append(fuzz_case(i))
    # Every float32 power of two alone and with neighbours forcing more digits.
    for e in range(-149, 128):
        v = 2.0**e
        for j, extra in enumerate([[], [1.1 * v], [1.2345679 * v], [3 * v], [1.01 * v, -v]]):
            cases.append((f"fuzz 2**{e} {j}", np.array([v] + extra, np.float32)))
    for e in range(-1074, 1024):
        cases.append((f"fuzz 0-d 2**{e}", np.array(2.0**e)))
else:
    for i in range(200):
        cases.append(fuzz_case(i, allow_big=False))


def main():
    lines = [
        "# Generated by gen_array_format.py with NumPy " + np.__version__ + "; do not edit.",
        "# Format: see the generator's docstring.",
    ]
    names = set()
    for name, a in cases:
        assert name not in names, name
        names.add(name)
        s, r = str(a), repr(a)
        lines.append(f"case {name}")
        lines.append(f"dtype {a.dtype.name}")
        lines.append("shape " + ",".join(str(n) for n in a.shape))
        lines.append(("data " + encode(a)).rstrip())
        for key, text in (("str", s), ("repr", r)):
            body = text.split("\n")
            lines.append(f"{key} {len(body)}")
            lines.extend(body)
        lines.append("end")
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(cases)} cases, {os.path.getsize(OUT)} bytes -> {OUT}", file=sys.stderr)


main()
