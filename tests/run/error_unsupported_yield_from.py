# yield from (generator delegation).


def gen(n):
    yield from range(n)


# compile-error: [unsupported-construct] gen(2)
