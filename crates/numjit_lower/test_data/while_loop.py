# lower: f(int64)
# grid: (0,) (5,) (100,)
# run: f(0) -> 0
# run: f(5) -> 10
# run: f(100) -> 4950
def f(n):
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s
