# lower: f(int64)
# grid: (1,) (-4,)
# run: f(1) -> 1.5
# run: f(-4) -> -4
def f(x):
    return 1.5 if x > 0 else x
