# infer: f(int64)
def f(n):
    a = [i for i in range(n)]  # error: [unsupported-construct]
    b = {i: i for i in range(n)}  # error: [unsupported-construct]
    return n
