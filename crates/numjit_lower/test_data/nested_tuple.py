# lower: f(int64)
# grid: (5,)
# run: f(5) -> (10, (5, 1.5))
def f(x):
    t = ((x, 1.5), (2, (3, x)))
    a, (b, (c, d)) = t
    return t[1][1][1] + b + c, a
