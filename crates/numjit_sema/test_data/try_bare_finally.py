# infer: f(int64)
def f(n):
    r = 0
    try:
        r = n * 2
    except:
        r = -1
    else:
        r += 1
    finally:
        r += 100
    return r  # revealed: int64
