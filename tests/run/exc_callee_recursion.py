# RecursionError raised by the depth check in a callee is an Exception, and
# `except Exception:` catches it, as in CPython. Numba has no depth check (the
# stack overflows and the process crashes), so these lines are numjit-only. The
# depth reached depends on the limit, so the test only asks that it is large.


def dive(n):
    try:
        return dive(n + 1)
    except Exception:
        return n


def deep_enough():
    return dive(0) > 100


def runaway(n):
    if n < 0:
        return 0
    return runaway(n + 1) + 1


def guarded_runaway():
    try:
        return runaway(0)
    except Exception:
        return -1


# run[numjit-only]: deep_enough() == True
# run[numjit-only]: guarded_runaway() == -1
