# infer: f(int64)
def f(a):
    if a > 0:
        a = (a, a)  # error: [type-mismatch]
    return a
