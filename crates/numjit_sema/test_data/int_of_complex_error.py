# infer: f(complex128)
def f(z):
    return int(z)  # error: [invalid-operand]
