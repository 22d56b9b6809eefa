# lower: f(uint64, int64)
def f(a, b):
    return a << b, a >> 1
