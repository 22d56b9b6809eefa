# lower: f(int64)
# grid: (1,) (-1,)
# run: f(1) -> 111
# run: f(-1) -> 102
def f(x):
    s = 0
    try:
        if x < 0:
            raise ValueError("neg")
        s = 1
    except:
        s = 2
    else:
        s += 10
    finally:
        s += 100
    return s
