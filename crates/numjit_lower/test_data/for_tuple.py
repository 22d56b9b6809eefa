# lower: f(int64)
# grid: (5,)
# run: f(5) -> 8
def f(n):
    s = 0
    for x in (1, 2, n):
        s += x
    return s
