# infer: f(int64)
def f(n):
    r = None
    if n > 3:
        r = n
    return r is None  # revealed: bool
