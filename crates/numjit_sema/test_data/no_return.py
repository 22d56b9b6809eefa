# infer: f(int64)
def f(x):
    y = x + 1  # revealed: int64
