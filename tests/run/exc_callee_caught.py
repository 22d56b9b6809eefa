# try/except catches exceptions raised inside called functions, as Numba does:
# raised directly by the callee, by arithmetic in it, two levels down, inside a
# loop in the callee, by a callee returning None; in a loop body around the
# call; with else, nested try, and a call in an except block that an outer try
# catches.


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


def count_failures(n):
    failures = 0
    i = 0
    while i < n:
        try:
            risky(i % 5)
        except:  # noqa: E722
            failures += 1
        i += 1
    return failures


def divide(a, b):
    return a // b


def safe_divide(a, b):
    try:
        return divide(a, b)
    except Exception:
        return 0


def middle(x):
    if x < 0:
        raise ValueError("negative")
    return risky(x) * 10


def two_levels(x):
    try:
        return middle(x) + 1
    except Exception:
        return -1


def loop_raiser(n):
    s = 0
    for i in range(n):
        if i == 5:
            raise IndexError("five")
        s += i
    return s


def callee_loop(n):
    try:
        r = loop_raiser(n)
    except Exception:
        r = -7
    return r


def check(x):
    if x < 0:
        raise ValueError("negative")


def is_valid(x):
    try:
        check(x)
        return True
    except Exception:
        return False


def with_else(x):
    r = 0
    try:
        r = risky(x)
    except Exception:
        r = -1
    else:
        r += 1000
    return r


def nested(x):
    r = 0
    try:
        try:
            r = middle(x)
        except Exception:
            r = 5
            r += risky(x)
        else:
            r += 1000
    except:  # noqa: E722
        r += 70
    return r


def loop_in_try(n):
    s = 0
    try:
        for i in range(n):
            s += risky(i)
    except Exception:
        s = -s
    return s


def finally_then_handler(x):
    s = 0
    try:
        try:
            s = middle(x)
        finally:
            s += 100
    except Exception:
        s += 1000
    return s


# run: sum_skipping(5) == 107
# run: sum_skipping(3) == 3
# run: sum_skipping(0) == 0
# run: count_failures(20) == 4
# run: safe_divide(7, 2) == 3
# run: safe_divide(7, 0) == 0
# run: two_levels(2) == 21
# run: two_levels(3) == -1
# run: two_levels(-2) == -1
# run: callee_loop(3) == 3
# run: callee_loop(10) == -7
# run: is_valid(4) == True
# run: is_valid(-4) == False
# run: with_else(2) == 1002
# run: with_else(3) == -1
# run: nested(1) == 1010
# run: nested(3) == 75
# run: nested(-1) == 4
# run: loop_in_try(3) == 3
# run: loop_in_try(6) == -3
# run: finally_then_handler(2) == 120
# run: finally_then_handler(3) == 1100
# run: finally_then_handler(-1) == 1100
