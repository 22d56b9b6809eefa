# infer: f(float64[:, ::1], int64, int32)
def f(a, i, j):
    x = a[i, j]  # revealed: float64
    row = a[i]  # revealed: array(float64, 1d, C)
    y = row[-1]  # revealed: float64
    shape = a.shape  # revealed: UniTuple(int64 x 2)
    strides = a.strides  # revealed: UniTuple(int64 x 2)
    n = a.ndim + a.size + a.itemsize + a.nbytes  # revealed: int64
    k = len(a)  # revealed: int64
    a[i, j] = 1
    a[0, -1] += y
    row[j] = True
    return x + y  # revealed: float64
