# lower: f(int64)
def g(x):
    if x > 0:
        return x
    return None
def f(x):
    print(g(x))
