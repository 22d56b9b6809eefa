# infer: f(int64)
def f(x):
    return x if x > 0 else (1, 2)  # error: [type-mismatch]
