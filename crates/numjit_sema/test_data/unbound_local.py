# infer: f(int64)
def f(n):
    y = x + n  # error: [unbound-local]
    x = 1
    return y
