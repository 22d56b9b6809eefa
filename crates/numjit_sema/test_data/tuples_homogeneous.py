# infer: f(int64)
def f(n):
    t = (n, 1, 2)  # revealed: UniTuple(int64 x 3)
    i = 1
    a = t[i]  # revealed: int64
    b = t[n]  # revealed: int64
    return t[-1]  # revealed: int64
