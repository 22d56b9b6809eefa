# infer: f(int64)
def f(n):
    sq = lambda v: v * v
    a = sq(n)  # revealed: int64
    b = sq(1.5)  # revealed: float64
    return a + b  # revealed: float64
