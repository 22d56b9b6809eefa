# infer: f(int64)
import numpy as np
def f(n):
    return np.arange(n)  # error: [unsupported-construct]
