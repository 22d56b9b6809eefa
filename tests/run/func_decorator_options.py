# Decorator options that don't change results: inline='always', nogil,
# boundscheck (no arrays here), error_model='python' spelled out.


def helper(x):
    return x * 3 + 1


def caller(n):
    s = 0
    for i in range(n):
        s += helper(i)
    return s


def safe_div(a, b):
    return a // b


# run[inline=always]: caller(10) == 145
# run[nogil=True]: caller(10) == 145
# run[boundscheck=True]: caller(4) == 22
# run[error_model=python]: safe_div(7, 2) == 3
# run[error_model=python]: safe_div(7, 0) raises ZeroDivisionError: integer division or modulo by zero
