# lower: f(int64, int64, int64)
# grid: (1, 2, 3) (1, 3, 2) (2, 2, 2)
# run: f(1, 2, 3) -> True
# run: f(1, 3, 2) -> False
# run: f(2, 2, 2) -> False
def f(a, b, c):
    return a < b <= c
