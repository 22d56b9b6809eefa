# infer: f(int8, float32)
def f(a, x):
    b = -a  # revealed: int64
    y = -x  # revealed: float32
    c = +a  # revealed: int64
    return b  # revealed: int64
