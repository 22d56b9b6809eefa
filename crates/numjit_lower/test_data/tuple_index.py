# lower: f(int64)
# grid: (0,) (2,) (-1,) (3,) (-4,)
# run: f(0) -> 6.5
# run: f(2) -> 8.5
# run: f(-1) -> 8.5
# run: f(3) raises IndexError: tuple index out of range
# run: f(-4) raises IndexError: tuple index out of range
def f(i):
    t = (1, 2, 3)
    u = (1, 2.5)
    return t[i] + t[-1] + u[1]
