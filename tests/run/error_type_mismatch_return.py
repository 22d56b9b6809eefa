# Return types that cannot be unified: int64 on one path, a tuple on
# another.


def bad(x):
    if x > 0:
        return 1
    return (1, 2)


def bad_none_tuple(x):
    if x > 0:
        return (x, x)
    return 1.5


# compile-error: [type-mismatch] bad(1)
# compile-error: [type-mismatch] bad_none_tuple(1)
