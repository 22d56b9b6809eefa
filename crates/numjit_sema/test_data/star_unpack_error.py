# infer: f(int64)
def f(n):
    a, *b = (n, n, n)  # error: [unsupported-construct]
    return a
