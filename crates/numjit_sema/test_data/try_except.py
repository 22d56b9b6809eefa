# infer: f(int64)
def f(n):
    r = 0
    try:
        if n < 0:
            raise ValueError("neg")
        r = 10 // n
    except Exception:
        r = -1
    return r  # revealed: int64
