# lower: f(int64)
# grid: (2,)
# run: f(2) -> 19.5
def g(a, b=2, *, c=3.5):
    return a * b + c
def f(x):
    return g(x) + g(x, 3) + g(b=1, a=x, c=0.5)
