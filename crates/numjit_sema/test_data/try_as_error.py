# infer: f(int64)
def f(n):
    try:
        r = 10 // n
    except Exception as e:  # error: [unsupported-construct]
        r = 0
    return r
