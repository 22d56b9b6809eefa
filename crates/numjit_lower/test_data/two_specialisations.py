# lower: f(int64)
# grid: (2,)
# run: f(2) -> 5.5
def g(a):
    return a + 1
def f(x):
    return g(x) + g(1.5)
