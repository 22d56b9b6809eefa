# lower: f(int64)
# grid: (2,) (-1,)
# run: f(2) -> 102
# run: f(-1) -> 1100
# A finally block between the call and the handler runs on the handler edge too.
def g(x):
    if x < 0:
        raise ValueError("neg")
    return x
def f(x):
    s = 0
    try:
        try:
            s = g(x)
        finally:
            s += 100
    except Exception:
        s += 1000
    return s
