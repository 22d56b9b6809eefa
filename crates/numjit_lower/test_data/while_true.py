# lower: f(int64)
# grid: (3,) (0,)
# run: f(3) -> 3
# run: f(0) -> 1
def f(n):
    i = 0
    while True:
        i += 1
        if i >= n:
            return i
