# An Optional value produced in one function and narrowed with `is None` in
# the caller, in a loop.


def lookup(k):
    if k % 3 == 0:
        return None
    return k * 2


def sum_present(n):
    s = 0
    missing = 0
    for k in range(n):
        v = lookup(k)
        if v is None:
            missing += 1
        else:
            s += v
    return s, missing


# run: sum_present(10) == (54, 4)
# run: sum_present(0) == (0, 0)
