# yield and yield from as statements and expressions.
def gen():
    yield
    yield 1
    yield 1, 2
    yield *a, b
    x = yield
    x = yield 1
    y = yield from other()
    yield from range(10)
    z = (yield)
    f((yield))
    w = [(yield), (yield 1)]
    return (yield from g())
