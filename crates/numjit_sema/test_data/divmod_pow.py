# infer: f(int64, float64)
def f(n, x):
    q, r = divmod(n, 3)  # revealed: int64, int64
    d = divmod(x, 2.0)  # revealed: UniTuple(float64 x 2)
    p = pow(n, 2)  # revealed: int64
    e = pow(x, 2)  # revealed: float64
    return q + r + p  # revealed: int64
