# range objects: built, stored in variables, iterated, len'd, attributes.


def total(r):
    s = 0
    for i in r:
        s += i
    return s


def use_range(n):
    r = range(1, n, 2)
    return total(r), len(r)


def attrs(a, b, c):
    r = range(a, b, c)
    return r.start, r.stop, r.step


# run: use_range(10) == (25, 5)
# run: use_range(1) == (0, 0)
# run: attrs(5, -5, -2) == (5, -5, -2)
# run: attrs(0, 10, 3) == (0, 10, 3)
