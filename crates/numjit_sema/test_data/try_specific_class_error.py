# infer: f(int64)
def f(n):
    try:
        r = 10 // n
    except ZeroDivisionError:  # error: [unsupported-construct]
        r = 0
    return r
