# infer: f(int64)
def f(n):
    a, b = n  # error: [invalid-operand]
    return a
