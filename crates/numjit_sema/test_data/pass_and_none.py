# infer: f(int64)
def f(n):
    pass
    return None  # revealed: none
