# infer: f(int64)
def f(x):
    if x > 0:
        return 1
    elif x < -5:
        return 2.5
    return x  # revealed: int64
