# infer: f(int64)
def f(n):
    r = range(2, n)  # revealed: range_state_int64
    s = 0
    for i in r:  # revealed: int64
        s += i
    return len(r)  # revealed: int64
