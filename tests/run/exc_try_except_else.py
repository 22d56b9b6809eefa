# try/except/else and exceptions escaping after an except block.


def with_else(a, b):
    r = 0
    try:
        r = a // b
    except Exception:
        r = -1
    else:
        r += 1000
    return r


def reraise_new(x):
    try:
        if x < 0:
            raise ValueError("neg")
    except Exception:
        raise KeyError("converted")
    return x


# run: with_else(7, 2) == 1003
# run: with_else(7, 0) == -1
# run: reraise_new(1) == 1
# Numba fails an internal assertion ("Unreachable condition reached (op code
# RERAISE executed)") when an except block raises; numjit raises KeyError
# as CPython does.
# run[numjit-only]: reraise_new(-1) raises KeyError
