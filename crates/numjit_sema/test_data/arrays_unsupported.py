# infer: f(float64[:], int32[:, :])
import numpy as np
def f(a, m):
    print(a)  # error: [unsupported-construct]
    g = a[1.5]  # error: [invalid-index]
    b = a @ m.reshape(2, 2, -1)  # error: [unsupported-construct]
    c = m[a > 0, None]  # error: [unsupported-construct]
    k = np.zeros(3, dtype=np.float64(2))  # error: [unsupported-construct]
    return 0
