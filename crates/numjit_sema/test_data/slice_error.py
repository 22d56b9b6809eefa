# infer: f(int64)
def f(n):
    t = (n, n, n)
    return t[1:]  # error: [unsupported-construct]
