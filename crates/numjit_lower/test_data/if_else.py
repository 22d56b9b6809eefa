# lower: f(int64, float64)
# grid: (3, 1.5) (-7, 2.0) (-1, 4.0)
# run: f(3, 1.5) -> 4.5
# run: f(-7, 2.0) -> 2.0
# run: f(-1, 4.0) -> 0
def f(a, b):
    if a > 0:
        x = a + b
    elif a < -5:
        x = b
    else:
        x = 0
    return x
