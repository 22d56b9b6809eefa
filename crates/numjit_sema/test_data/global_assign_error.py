# infer: f(int64)
COUNT = 0
def f(n):
    global COUNT
    COUNT = n  # error: [unsupported-construct]
    return n
