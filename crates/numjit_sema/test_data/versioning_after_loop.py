# infer: f(int64)
def f(n):
    x = 1  # revealed: int64
    z = x  # revealed: int64
    for i in range(n):  # revealed: int64
        x += 1  # revealed: int64
    t = (x, z)  # revealed: UniTuple(int64 x 2)
    x = 2.5  # revealed: float64
    x = (x, t)  # revealed: Tuple(float64, UniTuple(int64 x 2))
    return x  # revealed: Tuple(float64, UniTuple(int64 x 2))
