# infer: f(int64, int64, int64)
def f(a, b, c):
    ok = a < b <= c  # revealed: bool
    both = 0 < a < 10 < c  # revealed: bool
    return ok and both  # revealed: bool
