# infer: f(int64)
X = 5
def f(n):
    y = X  # error: [unbound-local]
    X = n
    return y
