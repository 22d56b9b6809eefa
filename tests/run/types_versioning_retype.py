# Variable versioning (Numba's SSA typing): each assignment of a variable is a
# version with its own type; only versions that meet at a control-flow join
# (after if/else, at a loop header) are unified.


def retype_after_loop(n):
    x = 1
    for i in range(n):
        x += 1
    x = 2.5
    return x


def tuple_after_loop(n):
    x = 0
    for i in range(n):
        x += i
    x = (x, n)
    return x


def tuple_after_loop_indexed(n):
    t = 0
    for i in range(n):
        t = t + i
    t = (t, 1.5)
    u = t[1]
    return t, u


def param_rebound(a):
    a = (a, a)
    return a


def param_rebound_float(a):
    b = a // 2
    a = a * 0.5
    return b, a


def after_while(n):
    x = n
    while x > 3:
        x = x // 2
    y = x
    x = x * 0.5
    return y, x


def loop_local(n):
    # `t` is a tuple before the loop and a float inside it, read only after its
    # assignment in the body: the versions never meet, so nothing unifies them.
    t = (1, 2)
    s = 0.0
    for i in range(n):
        t = i * 1.5
        s += t
    return s


def read_before_join(flag):
    x = 1
    y = x // 2
    if flag:
        x = 2.5
    return x, y


def copy_before_loop(n):
    x = 1
    z = x
    for i in range(n):
        x = x + 0.5
    return x, z


# run: retype_after_loop(3) == 2.5
# run: retype_after_loop(0) == 2.5
# run: tuple_after_loop(4) == (6, 4)
# run: tuple_after_loop(0) == (0, 0)
# run: tuple_after_loop_indexed(4) == ((6, 1.5), 1.5)
# run: param_rebound(2) == (2, 2)
# run: param_rebound(1.5) == (1.5, 1.5)
# run: param_rebound_float(7) == (3, 3.5)
# run: after_while(20) == (2, 1.0)
# run: after_while(3) == (3, 1.5)
# run: loop_local(3) == 4.5
# run: loop_local(0) == 0.0
# run: read_before_join(True) == (2.5, 0)
# run: copy_before_loop(3) == (2.5, 1)
# The versions of x meet after the `if` (and at the loop header) and unify to
# float64, so Numba returns 1.0 where CPython returns the int 1; y and z copy
# the int version before the join and stay int64.
# run[numba-semantics]: read_before_join(False) == (1.0, 0)
# run[numba-semantics]: copy_before_loop(0) == (1.0, 1)
