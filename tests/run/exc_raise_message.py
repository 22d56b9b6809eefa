# `raise Exc("msg")` with a constant message.


def check_range(x):
    if x < 0:
        raise ValueError("negative value")
    if x > 100:
        raise OverflowError("too large")
    return x


def index_check(i, n):
    if i >= n:
        raise IndexError("index out of range")
    return i


# run: check_range(50) == 50
# run: check_range(-5) raises ValueError: negative value
# run: check_range(500) raises OverflowError: too large
# run: index_check(3, 2) raises IndexError: index out of range
# run: index_check(1, 2) == 1
