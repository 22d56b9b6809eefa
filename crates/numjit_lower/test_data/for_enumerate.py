# lower: f(int64)
# grid: (0,) (4,)
# run: f(0) -> 0
# run: f(4) -> 20
def f(n):
    s = 0
    for i, x in enumerate(range(n), 1):
        s += i * x
    return s
