# infer: f(int64)
def f(n):
    class Point:  # error: [unsupported-construct]
        pass
    return n
