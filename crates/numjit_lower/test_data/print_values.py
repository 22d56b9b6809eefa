# lower: f(int64, float64)
def f(a, b):
    print("a =", a, "b =", b, (a, b), None, True)
