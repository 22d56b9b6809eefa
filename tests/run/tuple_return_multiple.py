# Returning tuples from functions and consuming them.


def minmax(t):
    lo = t[0]
    hi = t[0]
    for v in t:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi


def stats(t):
    lo, hi = minmax(t)
    s = 0.0
    for v in t:
        s += v
    return lo, hi, s / len(t)


# run: minmax((3, 1, 4, 1, 5)) == (1, 5)
# run: stats((3, 1, 4, 1, 5)) == (1, 5, 2.8)
# run: stats((2.5,)) == (2.5, 2.5, 2.5)
