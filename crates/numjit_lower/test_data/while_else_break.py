# lower: f(int64)
# grid: (10,) (0,)
# run: f(10) -> 4
# run: f(0) -> -1
def f(n):
    i = 0
    while i < n:
        if i * i > n:
            break
        i += 1
    else:
        i = -1
    return i
