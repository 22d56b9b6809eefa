# infer: f(int64)
def f(x):
    if x > 0:
        return x
    return (x, x)  # error: [type-mismatch]
