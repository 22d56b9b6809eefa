# lower: f(int64)
# grid: (3,) (-3,)
# run: f(3) -> 6
# run: f(-3) -> 0
def g(x):
    if x > 0:
        return x * 2
    return None
def f(x):
    r = g(x)
    if r is None:
        return 0
    return r
