# infer: f(float64)
def f(x):
    return x << 2  # error: [invalid-operand]
