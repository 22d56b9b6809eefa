# infer: f(int64)
def f(n):
    x = n
    x = (1, 2)  # error: [type-mismatch]
    return x
