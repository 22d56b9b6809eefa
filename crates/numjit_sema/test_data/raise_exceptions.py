# infer: f(int64)
def f(n):
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        raise ZeroDivisionError
    return 10 // n  # revealed: int64
