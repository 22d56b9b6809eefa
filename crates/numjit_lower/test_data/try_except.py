# lower: f(int64, int64)
# grid: (7, 2) (1, 0)
# run: f(7, 2) -> 3
# run: f(1, 0) -> -1
def f(a, b):
    try:
        c = a // b
    except Exception:
        c = -1
    return c
