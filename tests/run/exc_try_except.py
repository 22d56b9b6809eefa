# try/except as far as Numba supports it: bare `except:` and
# `except Exception:` catch exceptions raised in the try body, including
# those from callees and from arithmetic.


def catch_all(x):
    try:
        if x > 0:
            raise ValueError("positive")
        r = 1
    except Exception:
        r = 2
    return r


def bare(a, b):
    try:
        r = a // b
    except:  # noqa: E722
        r = -1
    return r


def risky(x):
    if x == 3:
        raise RuntimeError("three")
    return x


def sum_skipping(n):
    s = 0
    for i in range(n):
        try:
            s += risky(i)
        except Exception:
            s += 100
    return s


# run: catch_all(1) == 2
# run: catch_all(-1) == 1
# run: bare(7, 2) == 3
# run: bare(7, 0) == -1
# run: sum_skipping(5) == 107
