# infer: f(float64)
import math
def f(x):
    return math.sqrt(x, x)  # error: [wrong-arguments]
