# infer: f(bool, bool)
def f(p, q):
    s = p + q  # revealed: int64
    n = -p  # revealed: int64
    i = ~p  # revealed: bool
    a = p & q  # revealed: bool
    return s  # revealed: int64
