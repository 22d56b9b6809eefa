# infer: f(int64)
def g(a, b):
    return a + b

def f(n):
    return g(n, a=n)  # error: [wrong-arguments]
