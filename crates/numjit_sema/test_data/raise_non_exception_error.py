# infer: f(int64)
def f(n):
    raise n  # error: [invalid-operand]
