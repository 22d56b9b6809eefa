# lower: f(int64, float64)
# grid: (1, 2.5)
# run: f(1, 2.5) -> (2.5, 1, 2.5, 1, 1)
def f(a, b):
    a, b = b, a
    (c, d), e = (a, 1), b
    return a, b, c, d, e
