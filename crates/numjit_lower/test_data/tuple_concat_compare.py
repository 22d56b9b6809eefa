# lower: f(int64, int64)
# grid: (1, 2) (2, 1) (3, 3)
# run: f(1, 2) -> (False, True, True, 3)
# run: f(2, 1) -> (False, False, True, 3)
# run: f(3, 3) -> (False, False, True, 3)
def f(a, b):
    t = (a, b) + (1,)
    return t == (1, 2, 3), (a, b) < (b, a), a in t, len(t)
