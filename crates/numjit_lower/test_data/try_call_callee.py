# lower: f(int64)
# grid: (2,) (0,)
# run: f(2) -> 5
# run: f(0) -> -1
def g(x):
    return 10 // x
def f(x):
    try:
        return g(x)
    except Exception:
        return -1
