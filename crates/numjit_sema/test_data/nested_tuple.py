# infer: f(float64)
def f(x):
    t = ((x, 1), (2, (x, True)))  # revealed: Tuple(Tuple(float64, int64), Tuple(int64, Tuple(float64, bool)))
    return t[1][1][0]  # revealed: float64
