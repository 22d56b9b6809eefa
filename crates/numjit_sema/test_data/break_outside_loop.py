# infer: f(int64)
def f(n):
    if n:
        break  # error: [unsupported-construct]
    return n
