# lower: f(int64)
# grid: (5,) (3,) (0,)
# run: f(5) -> 107
# run: f(3) -> 3
# run: f(0) -> 0
# A call in a try inside a structured for body: the try_call and its handler are blocks
# of the loop body; the handler sees the carried sum from before the call.
def risky(x):
    if x == 3:
        raise RuntimeError("three")
    return x
def f(n):
    s = 0
    for i in range(n):
        try:
            s += risky(i)
        except Exception:
            s += 100
    return s
