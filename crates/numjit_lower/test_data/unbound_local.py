# lower: f(int64)
# grid: (1,) (0,)
# run: f(1) -> 1
# run: f(0) raises UnboundLocalError: cannot access local variable 'y' where it is not associated with a value
def f(x):
    if x > 0:
        y = x
    return y
