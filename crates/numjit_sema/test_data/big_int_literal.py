# infer: f(int64)
def f(n):
    a = 9223372036854775807  # revealed: int64
    b = 18446744073709551615  # revealed: uint64
    c = -9223372036854775808  # revealed: int64
    return a  # revealed: int64
