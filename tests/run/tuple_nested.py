# Nested tuples: build, index twice, unpack nested patterns.


def nest(a):
    return ((a, a + 1), (a * 2, (a * 3,)))


def deep_get(t):
    return t[1][1][0]


def unpack_nested(t):
    (a, b), (c, (d,)) = t
    return a + b + c + d


def flatten2(t):
    return t[0][0], t[0][1], t[1][0], t[1][1]


# run: nest(1) == ((1, 2), (2, (3,)))
# run: deep_get(((1, 2), (3, (4,)))) == 4
# run: unpack_nested(((1, 2), (3, (4,)))) == 10
# run: unpack_nested(((1.5, 2), (3, (4,)))) == 10.5
# run: flatten2(((1, 2.5), (True, None))) == (1, 2.5, True, None)
