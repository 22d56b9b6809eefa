# lower: f(int64)
# grid: (5,)
# run: f(5) -> 35
def f(n):
    s = 0
    for i in range(n):
        for j in range(i):
            s += i * j
    return s
