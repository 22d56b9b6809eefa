"""Global NumPy arrays read by compiled code: frozen at the first compile and readonly, as
in Numba (compared with the undecorated function and, when installed, with Numba)."""

import numpy as np
import pytest

import numjit
from numjit import njit

try:
    import numba
except ImportError:  # pragma: no cover - Numba is optional
    numba = None

TABLE = np.arange(12.0).reshape(3, 4)
WEIGHTS = np.array([0.5, 1.5, -2.0], dtype=np.float32)
FLAGS = np.array([True, False, True])
COMPLEX = np.array([1 + 2j, -3j])
INTS_F = np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3))
STRIDED = np.arange(20)[::3]
EMPTY = np.zeros((0, 3))
CHANGING = np.array([1.0, 2.0, 3.0])


def table_sum():
    return TABLE.sum()


def table_row(i):
    return TABLE[i]


def weighted(x):
    total = 0.0
    for i in range(WEIGHTS.shape[0]):
        total += WEIGHTS[i] * x
    return total


def count_flags():
    return np.sum(FLAGS)


def complex_parts():
    return COMPLEX * 2


def fortran_global():
    return INTS_F[1, 2] + INTS_F.shape[1]


def strided_global():
    return STRIDED.sum(), STRIDED.size


def empty_global():
    return EMPTY.shape[0], EMPTY.size


def two_uses(n):
    return TABLE[0, n] + TABLE[2, n] + TABLE.shape[1]


def read_changing():
    return CHANGING.sum()


CASES = [
    (table_sum, ()),
    (table_row, (1,)),
    (table_row, (-1,)),
    (weighted, (2.0,)),
    (count_flags, ()),
    (complex_parts, ()),
    (fortran_global, ()),
    (strided_global, ()),
    (empty_global, ()),
    (two_uses, (3,)),
]


@pytest.mark.parametrize("func,args", CASES, ids=[f"{case[0].__name__}{case[1]}" for case in CASES])
def test_global_arrays_match_python(func, args):
    expected = func(*args)
    got = njit(func)(*args)
    np.testing.assert_allclose(got, expected, rtol=1e-6)
    if isinstance(expected, np.ndarray):
        assert got.dtype == expected.dtype and got.shape == expected.shape
    if numba is not None:
        np.testing.assert_allclose(numba.njit(func)(*args), got, rtol=1e-6)


def test_returned_global_is_a_readonly_copy():
    got = njit(table_row)(0)
    assert not got.flags.writeable
    assert not np.shares_memory(got, TABLE)


def test_global_array_is_frozen_at_first_compile():
    compiled = njit(read_changing)
    assert compiled() == 6.0
    CHANGING[0] = 100.0
    try:
        # Numba freezes the values the first compile saw; so do we.
        assert compiled() == 6.0
    finally:
        CHANGING[0] = 1.0


def test_writing_a_global_array_is_a_typing_error():
    def store():
        TABLE[0, 0] = 1.0

    with pytest.raises(numjit.errors.TypingError, match="readonly"):
        njit(store)()
    assert TABLE[0, 0] == 0.0
