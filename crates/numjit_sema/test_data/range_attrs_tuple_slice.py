# infer: f(int32, Tuple(int64, float64, boolean))
def f(n, t):
    r = range(1, n, 2)
    a = r.start  # revealed: int64
    b = max(r)  # revealed: int64
    head = t[:2]  # revealed: Tuple(int64, float64)
    back = t[::-1]  # revealed: Tuple(bool, float64, int64)
    none = t[5:]  # revealed: Tuple()
    i = t.index(2.5)  # revealed: int64
    return a + b + i
