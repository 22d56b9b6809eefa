# lower: f(int64)
# grid: (3,) (-3,)
# run: f(3) -> 3
# run: f(-3) -> None
def f(x):
    if x > 0:
        return x
    return None
