# lower: f(int64)
# grid: (1,) (3,) (-1,) (-3,)
# run: f(1) -> 1010
# run: f(3) -> 75
# run: f(-1) -> 4
# run: f(-3) -> 75
# Nested try: the inner handler calls again, and what that call raises goes to the outer
# handler; else runs only when the inner body raised nothing; the exception comes from two
# levels down (middle calls risky).
def risky(x):
    if x == 3 or x == -3:
        raise RuntimeError("three")
    return x
def middle(x):
    if x < 0:
        raise ValueError("negative")
    return risky(x) * 10
def f(x):
    r = 0
    try:
        try:
            r = middle(x)
        except Exception:
            r = 5
            r += risky(x)
        else:
            r += 1000
    except:  # noqa: E722
        r += 70
    return r
