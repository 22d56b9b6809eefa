# lower: f(int64)
# grid: (3,) (4,) (1,) (12,)
# run: f(3) -> (True, True)
# run: f(4) -> (False, True)
# run: f(1) -> (False, False)
# run: f(12) -> (False, True)
def f(x):
    return x in range(0, 10, 3), x not in (1, 2)
