# infer: f(float64)
import math
def f(x):
    return math.sqr(x)  # error: [unsupported-construct]
