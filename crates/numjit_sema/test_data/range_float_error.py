# infer: f(float64)
def f(x):
    s = 0
    for i in range(x):  # error: [invalid-operand]
        s += i
    return s
