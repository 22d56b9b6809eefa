# Variable versioning at joins: versions that meet after if/else, a loop with
# break/else, or try/except are unified; versions that do not meet keep their
# types, and a join of a number and a tuple that is read afterwards is a
# type error (as in Numba 0.68.1).


def one_branch_unused(flag):
    x = 1
    if flag:
        x = (1, 2)
        y = x[0]
    else:
        y = 3
    return y


def dead_join(flag):
    if flag:
        x = 1
    else:
        x = (1, 2)
    x = 5
    return x


def find(n):
    r = -1
    for i in range(n):
        if i * i > 10:
            r = i * 0.5
            break
    else:
        r = 0
    return r


def try_versions(n):
    x = n
    try:
        if n < 0:
            raise ValueError("neg")
        x = 0.5
    except Exception:
        x = -1
    return x


def closure_version(n):
    k = n
    def add(v):
        return v + k
    a = add(1)
    k = 0.5
    b = add(1)
    return a, b


def join_int_tuple(flag):
    x = 1
    if flag:
        x = (1, 2)
    return x


def loop_int_tuple(n):
    x = 0
    for i in range(n):
        x = (x, i)
    return n


# run: one_branch_unused(True) == 1
# run: one_branch_unused(False) == 3
# run: dead_join(True) == 5
# run: find(10) == 2.0
# run: try_versions(3) == 0.5
# run: closure_version(2) == (3, 1.5)
# The join after the loop unifies r's float (break) and int (else) versions.
# run[numba-semantics]: find(2) == 0.0
# The join after try/except unifies x's float and int versions.
# run[numba-semantics]: try_versions(-3) == -1.0
# compile-error: [type-mismatch] join_int_tuple(True)
# compile-error: [type-mismatch] loop_int_tuple(3)
