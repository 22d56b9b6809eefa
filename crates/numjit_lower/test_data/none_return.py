# lower: f(int64)
# grid: (1,)
# run: f(1) -> None
def f(x):
    y = x + 1
