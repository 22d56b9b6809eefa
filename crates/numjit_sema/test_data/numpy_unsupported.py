# infer: f(int64)
import numpy as np
def f(n):
    return np.histogram(n)  # error: [unsupported-construct]
