# infer: f(complex128, complex128)
def f(a, b):
    return a < b  # error: [invalid-operand]
