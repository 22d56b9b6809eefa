# infer: f(int64)
def f(n, *rest):  # error: [unsupported-construct]
    return n
