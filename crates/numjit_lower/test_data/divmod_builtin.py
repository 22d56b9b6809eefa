# lower: f(int64, int64)
# grid: (7, 2) (-7, 2) (1, 0)
# run: f(7, 2) -> (3, 1)
# run: f(-7, 2) -> (-4, 1)
# run: f(1, 0) raises ZeroDivisionError: integer division or modulo by zero
def f(a, b):
    return divmod(a, b)
