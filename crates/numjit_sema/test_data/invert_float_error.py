# infer: f(float64)
def f(x):
    return ~x  # error: [invalid-operand]
