# infer: f(int64)
def f(n):
    t = (n, n)
    return t[5]  # error: [invalid-operand]
