# lower: f(int32, uint8, float32)
def f(a, b, c):
    return a + b, c * 2, a // 3, c + a
