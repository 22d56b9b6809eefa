# infer: f(int64)
def f(n):
    with open("x") as fh:  # error: [unsupported-construct]
        pass
    return n
