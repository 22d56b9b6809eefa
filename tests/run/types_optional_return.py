# Functions returning a value on some paths and None on others (Numba's
# Optional type).


def find_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    return None


def maybe_sqrt(x):
    if x < 0.0:
        return None
    return x ** 0.5


def use_optional(n):
    d = find_divisor(n)
    if d is None:
        return -1
    return d * 10


# run: find_divisor(15) == 3
# run: find_divisor(13) == None
# run: maybe_sqrt(4.0) == 2.0
# run: maybe_sqrt(-4.0) == None
# run: use_optional(49) == 70
# run: use_optional(7) == -1
