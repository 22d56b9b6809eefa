# lower: f(float64, int64)
# grid: (2.0, 3) (0.0, -1) (1.5, -2)
# run: f(2.0, 3) -> 17.65685424949238
# run: f(0.0, -1) raises ZeroDivisionError: 0.0 cannot be raised to a negative power
# run: f(1.5, -2) -> 5.45012040507552
def f(x, n):
    return x ** n + x ** 2.5 + pow(x, 2)
