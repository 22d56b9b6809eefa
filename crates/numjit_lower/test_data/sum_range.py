# lower: f(int64)
# grid: (0,) (1,) (10,) (-3,)
# run: f(0) -> 0.0
# run: f(1) -> 0.0
# run: f(10) -> 22.5
# run: f(-3) -> 0.0
def f(n):
    total = 0.0
    for i in range(n):
        total += i * 0.5
    return total
