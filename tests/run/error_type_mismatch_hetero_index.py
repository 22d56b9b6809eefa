# Indexing a heterogeneous tuple with a run-time index: the result type
# would depend on the value.


def get(i):
    t = (1, 2.5, None)
    return t[i]


# compile-error: [type-mismatch] get(1)
