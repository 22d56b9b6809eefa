# infer: f(int64)
def f(n):
    return abs(x=n)  # error: [wrong-arguments]
