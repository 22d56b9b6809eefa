# Shift counts >= 64 and negative shift counts.  Numba lowers `<<`/`>>` to a
# bare LLVM shl/ashr, which is poison for counts >= 64 (x86 masks the count:
# 1 << 64 gives 1) and garbage for negative counts.  The issue says numjit
# doesn't lie where Numba does, so numjit computes the exact result wrapped
# to int64 (left) and shifts right by min(count, 63) (arithmetic), and raises
# ValueError for a negative count as CPython does.  These lines are
# numjit-only (not compared with Numba).


def shl(a, b):
    return a << b


def shr(a, b):
    return a >> b


# run[wrap, numjit-only]: shl(1, 64) == 0
# run[wrap, numjit-only]: shl(5, 100) == 0
# run[numjit-only]: shl(0, 1000) == 0
# run[numjit-only]: shr(1, 64) == 0
# run[numjit-only]: shr(-1, 70) == -1
# run[numjit-only]: shr(9223372036854775807, 200) == 0
# run[numjit-only]: shr(-9223372036854775808, 64) == -1
# run[numjit-only]: shl(1, -1) raises ValueError: negative shift count
# run[numjit-only]: shr(1, -1) raises ValueError: negative shift count
