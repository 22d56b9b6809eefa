# Iterating over a heterogeneous tuple (each iteration would have a
# different type).


def total(t):
    s = 0.0
    for v in t:
        s += v
    return s


# compile-error: [unsupported-construct] total((1, 2.5, True))
