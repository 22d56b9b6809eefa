# infer: f(int64)
def g(a, b=1):
    return a + b

def f(n):
    return g(n, c=2)  # error: [wrong-arguments]
