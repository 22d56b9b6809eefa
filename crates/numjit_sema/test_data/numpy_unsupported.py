# infer: f(int64)
import numpy as np
def f(n):
    return np.digitize(n)  # error: [unsupported-construct]
