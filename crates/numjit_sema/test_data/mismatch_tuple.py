# infer: f(int64)
def f(n):
    x = n
    if n > 0:
        x = (1, 2)  # error: [type-mismatch]
    return x
