# infer: f(int64)
def f(n):
    return sqrt(n)  # error: [undefined-name]
