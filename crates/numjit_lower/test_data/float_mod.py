# lower: f(float64, float64)
# grid: (7.5, 2.0) (-7.5, 2.0) (7.5, -2.0) (1.0, 0.0)
# run: f(7.5, 2.0) -> 4.5
# run: f(-7.5, 2.0) -> -3.5
# run: f(7.5, -2.0) -> -4.5
# run: f(1.0, 0.0) raises ZeroDivisionError: float floor division by zero
def f(a, b):
    return a // b + a % b
