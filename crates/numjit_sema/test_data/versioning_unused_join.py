# infer: f(int64)
def f(n):
    x = 1  # revealed: int64
    if n > 0:
        x = (1, 2)  # revealed: UniTuple(int64 x 2)
        y = x[0]  # revealed: int64
    else:
        y = 3  # revealed: int64
    x = 5  # revealed: int64
    return x + y  # revealed: int64
