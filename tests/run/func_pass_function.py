# Functions passed as arguments (by the compiled caller) and called inside.


def add1(x):
    return x + 1


def dbl(x):
    return x * 2


def apply(fn, x):
    return fn(x)


def apply_n(fn, x, n):
    for _ in range(n):
        x = fn(x)
    return x


def run_both(x):
    return apply(add1, x), apply(dbl, x), apply_n(dbl, x, 10)


# run: run_both(1) == (2, 2, 1024)
# run: run_both(0.5) == (1.5, 1.0, 512.0)
