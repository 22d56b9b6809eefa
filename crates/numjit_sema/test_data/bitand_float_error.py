# infer: f(float64, int64)
def f(x, n):
    y = x & n  # error: [invalid-operand]
    return y
