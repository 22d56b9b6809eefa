# lower: f(int64)
# grid: (10,)
# run: f(10) -> 27
def f(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        s += i
    return s
