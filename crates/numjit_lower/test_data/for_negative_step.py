# lower: f(int64, int64)
# grid: (7, 3) (7, 0)
# run: f(7, 3) -> 25
# run: f(7, 0) raises ValueError: range() arg 3 must not be zero
def f(n, step):
    s = 0
    for i in range(n, 0, -2):
        s += i
    for j in range(0, n, step):
        s += j
    return s
