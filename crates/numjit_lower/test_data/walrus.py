# lower: f(int64)
# grid: (5,) (0,)
# run: f(5) -> 10
# run: f(0) -> 0
def f(n):
    s = 0
    while (n := n - 1) > 0:
        s += n
    return s
