# infer: f(int64)
def g(a, b):
    return a + b

def f(n):
    return g(n, n, n)  # error: [wrong-arguments]
