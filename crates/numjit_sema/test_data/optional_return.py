# infer: f(int64)
def f(x):
    if x > 0:
        return None
    return x  # revealed: int64
