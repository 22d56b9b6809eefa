# infer: f(int64)
def f(n):
    return n(3)  # error: [type-mismatch]
