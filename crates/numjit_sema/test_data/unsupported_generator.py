# infer: f(int64)
def f(n):
    for i in range(n):
        yield i  # error: [unsupported-construct]
