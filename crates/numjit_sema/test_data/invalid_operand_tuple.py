# infer: f(int64)
def f(n):
    t = (n, n)
    return n + t  # error: [type-mismatch]
