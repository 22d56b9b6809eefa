# Optionals narrowed by `is None` / `is not None` tests compute normally; the
# None check made at each use never fires on the narrowed paths.


def guarded(c):
    x = 3 if c else None
    if x is not None:
        return x + 1
    return 0


def early_return(c):
    x = None if c else 3
    if x is None:
        return -1
    return x * 10


def keep_optional(c):
    x = None if c else 3
    return x


def default_value(c):
    x = None if c else 2.5
    if x is None:
        x = 0.5
    return x * 2


def double(a):
    return a * 2


def optional_argument(c):
    x = None if c else 3
    return double(x)


def total(n):
    s = 0
    for k in range(n):
        v = None if k % 2 == 0 else k
        if v is not None:
            s += v
    return s


# run: guarded(True) == 4
# run: guarded(False) == 0
# run: early_return(True) == -1
# run: early_return(False) == 30
# run: keep_optional(True) == None
# run: keep_optional(False) == 3
# run: default_value(True) == 1.0
# run: default_value(False) == 5.0
# run: optional_argument(False) == 6
# run: optional_argument(True) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
# run: total(6) == 9
# run: total(0) == 0
