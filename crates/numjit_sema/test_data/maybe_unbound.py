# infer: f(int64)
def f(n):
    if n > 0:
        y = 1
    return y  # revealed: int64
