# infer: f(float64)
def f(x):
    if x < 0.0:
        s = -1  # revealed: int64
    elif x == 0.0:
        s = 0  # revealed: int64
    else:
        s = 1  # revealed: int64
    return s  # revealed: int64
