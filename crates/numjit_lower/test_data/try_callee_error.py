# lower: f(int64)
def g(x):
    return 10 // x
def f(x):
    try:
        return g(x)
    except Exception:
        return -1
