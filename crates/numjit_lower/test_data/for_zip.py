# lower: f(int64)
# grid: (0,) (2,) (10,)
# run: f(0) -> 0.0
# run: f(2) -> 2.5
# run: f(10) -> 9.5
def f(n):
    s = 0.0
    for a, b in zip(range(n), (1.5, 2.5, 3.5)):
        s += a * b
    return s
