# lower: f(int64)
# grid: (0,) (5,)
# run: f(0) -> -1
# run: f(5) -> 4
def f(n):
    i = -1
    for i in range(n):
        pass
    return i
