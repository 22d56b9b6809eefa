# infer: f(uint64, int64)
def f(u, i):
    a = u + i  # revealed: int64
    b = u + u  # revealed: uint64
    c = u if u > 3 else i  # revealed: float64
    return a  # revealed: int64
