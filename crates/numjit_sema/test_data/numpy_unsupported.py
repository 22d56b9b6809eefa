# infer: f(int64)
import numpy as np
def f(n):
    return np.einsum(n)  # error: [unsupported-construct]
