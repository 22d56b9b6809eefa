# lower: f(int64, int64)
# grid: (7, 2) (-7, 2) (1, 0)
# run: f(7, 2) -> 3.5
# run: f(-7, 2) -> -3.5
# run: f(1, 0) raises ZeroDivisionError: division by zero
def f(a, b):
    return a / b
