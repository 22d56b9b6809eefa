# infer: f(int64)
def f(n):
    i = 0
    while i < n:
        if i == 7:
            break
        i += 1
    else:
        i = -1
    return i  # revealed: int64
