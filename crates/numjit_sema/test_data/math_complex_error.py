# infer: f(complex128)
import math
def f(z):
    return math.sqrt(z)  # error: [invalid-operand]
