# infer: f(int64)
def f(n):
    t = (n, 2.5)
    return t[n]  # error: [type-mismatch]
