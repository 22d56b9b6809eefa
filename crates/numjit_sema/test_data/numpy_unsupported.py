# infer: f(int64)
import numpy as np
def f(n):
    return np.zeros(n)  # error: [unsupported-construct]
