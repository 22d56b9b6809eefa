# infer: f(int32, uint8)
def f(a, b):
    x = a << 2  # revealed: int64
    y = b >> 1  # revealed: uint64
    z = a ^ 3  # revealed: int64
    return x | z  # revealed: int64
