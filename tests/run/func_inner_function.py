# Inner functions (inlined), with defaults, called several times.


def outer(a, b):
    def bar(z):
        x = 5
        y = 10
        return x + y + z
    return bar(a), bar(b)


def with_default(x):
    def inc(v, by=1.5):
        return v + by
    return inc(x), inc(x, 2)


# run: outer(10, 20) == (25, 35)
# run: outer(1.5, -1) == (16.5, 14)
# run: with_default(4) == (5.5, 6)
