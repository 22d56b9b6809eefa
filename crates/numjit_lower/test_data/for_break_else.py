# lower: f(int64)
# grid: (9,) (7,) (2,)
# run: f(9) -> 3
# run: f(7) -> -1
# run: f(2) -> -1
def f(n):
    for i in range(2, n):
        if n % i == 0:
            break
    else:
        return -1
    return i
