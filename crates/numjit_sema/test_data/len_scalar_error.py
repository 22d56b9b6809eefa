# infer: f(int64)
def f(n):
    return len(n)  # error: [invalid-operand]
