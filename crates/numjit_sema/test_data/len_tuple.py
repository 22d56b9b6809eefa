# infer: f(int64)
def f(n):
    t = (n, n, 2)
    return len(t)  # revealed: int64
