# infer: f(float64, int64)
def f(x, n):
    a = int(x)  # revealed: int64
    b = float(n)  # revealed: float64
    c = bool(n)  # revealed: bool
    d = complex(n)  # revealed: complex128
    e = complex(x, n)  # revealed: complex128
    return a + b  # revealed: float64
