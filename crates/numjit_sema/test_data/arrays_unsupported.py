# infer: f(float64[:], int32[:, :])
import numpy as np
def f(a, m):
    b = a + a  # error: [unsupported-construct]
    c = a[1:3]  # error: [unsupported-construct]
    d = a.sum()  # error: [unsupported-construct]
    e = a.T  # error: [unsupported-construct]
    print(a)  # error: [unsupported-construct]
    for row in m:  # error: [unsupported-construct]
        pass
    g = a[1.5]  # error: [unsupported-construct]
    m[0] = 1  # error: [unsupported-construct]
    h = (a, a)  # error: [unsupported-construct]
    k = np.zeros(3, dtype=np.float64(2))  # error: [unsupported-construct]
    return 0
