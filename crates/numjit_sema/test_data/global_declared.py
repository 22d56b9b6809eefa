# infer: f(int64)
LIMIT = 100
def f(n):
    global LIMIT
    return n < LIMIT  # revealed: bool
