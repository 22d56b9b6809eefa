# infer: f(int64)
def f(n):
    a, b = (n, n, n)  # error: [type-mismatch]
    return a
