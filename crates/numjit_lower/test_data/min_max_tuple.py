# lower: f(int64)
# grid: (2,) (0,)
# run: f(2) -> (1.5, 3)
# run: f(0) -> (0, 3)
def f(n):
    t = (3, n, 1.5)
    return min(t), max(t)
