# infer: f(float64)
N = 10
SCALE = 2.5
SHAPE = (3, 4)
def f(x):
    a = x * SCALE  # revealed: float64
    b = N + 1  # revealed: int64
    c = SHAPE[0] * SHAPE[1]  # revealed: int64
    return a + b + c  # revealed: float64
