# infer: f(int32)
def f(n):
    s = 0
    for i in range(n):  # revealed: int32
        s += i
    return s  # revealed: int64
