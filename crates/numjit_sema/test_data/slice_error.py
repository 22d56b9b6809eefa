# infer: f(int64)
def f(n):
    t = (n, n, n)
    return t[n:]  # error: [unsupported-construct]
