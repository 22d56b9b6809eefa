# lower: f(int64, float64)
def f(a, b):
    if a > 0:
        x = a + b
    elif a < -5:
        x = b
    else:
        x = 0
    return x
