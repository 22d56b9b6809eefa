# lower: f(int64)
# grid: (10,) (0,)
# run: f(10) -> 30
# run: f(0) -> 0
def f(n):
    r = range(1, n, 2)
    s = 0
    for x in r:
        s += x
    return s + len(r)
