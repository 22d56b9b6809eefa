# lower: f(int64)
# grid: (21,)
# run: f(21) -> 42
def double(x):
    return 2 * x
def apply(g, x):
    return g(x)
def f(x):
    return apply(double, x)
