# lower: f(int64)
# grid: (3,) (-10,)
# run: f(3) -> 10
# run: f(-10) -> -28
def f(x):
    y = 1
    y += x
    y *= 3
    y -= 1
    y //= 2
    y <<= 1
    return y
