# infer: f(int64)
def f(n):
    found = False
    for i in range(n):
        if i * i == n:
            found = True
            break
    else:
        found = False
    return found  # revealed: bool
