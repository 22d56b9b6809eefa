# infer: f(int64)
def f(n):
    x = 0
    for i in range(n):
        x = (x, i)  # error: [type-mismatch]
    return n
