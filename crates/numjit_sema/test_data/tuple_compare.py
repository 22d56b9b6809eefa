# infer: f(int64)
def f(x):
    return (x, 1) < (x, 2)  # revealed: bool
