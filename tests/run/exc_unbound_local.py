# A variable assigned only on some paths: CPython raises UnboundLocalError
# when the unassigned path is taken.  Numba compiles this and returns
# garbage on that path, so the error line is numjit-only.  (A variable
# that is never assigned before its use on any path is a compile error:
# error_unbound_local.py.)


def maybe(x):
    if x > 0:
        y = x * 2
    return y


def loop_defined(n):
    for i in range(n):
        last = i
    return last


# run: maybe(3) == 6
# run[numjit-only]: maybe(-3) raises UnboundLocalError
# run: loop_defined(4) == 3
# run[numjit-only]: loop_defined(0) raises UnboundLocalError
