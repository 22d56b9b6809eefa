# infer: f(int64)
def f(n):
    if n <= 1:
        return 1  # revealed: int64
    return n * f(n - 1)  # revealed: int64
