# infer: f(int64)
def f(n):
    t = (n, n)
    t[0] = 1  # error: [invalid-operand]
    return t
