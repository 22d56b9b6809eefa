# Exceptions from callees that no except block catches keep propagating, with
# their class and message: outside any try, after the try ends, and from a call
# inside an except block. A callee's exception cannot pass through finally
# without a handler, and a bare `raise` is not supported: both are compile
# errors (Numba rejects the bare `raise` too).


def risky(x):
    if x == 3:
        raise RuntimeError("three")
    return x


def middle(x):
    return risky(x) + 1


def outside(x):
    return middle(x) * 2


def after_try(x):
    try:
        r = risky(x + 1)
    except Exception:
        r = 0
    return r + risky(x)


def from_handler(x):
    try:
        r = risky(x)
    except Exception:
        r = risky(x) + 1
    return r


def through_finally(x):
    s = 0
    try:
        s = risky(x)
    finally:
        s += 1
    return s


def bare_reraise(x):
    try:
        r = risky(x)
    except Exception:
        raise
    return r


# run: outside(2) == 6
# run: outside(3) raises RuntimeError: three
# run: after_try(2) == 2
# run: after_try(3) raises RuntimeError: three
# run: from_handler(2) == 2
# Numba fails an internal assertion ("Unreachable condition reached (op code
# RERAISE executed)") when an exception leaves an except block; numjit
# propagates it as CPython does.
# run[numjit-only]: from_handler(3) raises RuntimeError: three
# Numba compiles this but fails the same internal assertion at run time when
# the callee raises; numjit refuses it at compile time instead.
# compile-error[numjit-only]: [unsupported-construct] through_finally(2)
# compile-error: [unsupported-construct] bare_reraise(2)
