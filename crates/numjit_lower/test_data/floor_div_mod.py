# lower: f(int64, int64)
# grid: (7, 2) (-7, 2) (7, -2) (-9223372036854775808, -1) (5, 0)
# run: f(7, 2) -> (3, 1)
# run: f(-7, 2) -> (-4, 1)
# run: f(7, -2) -> (-4, -1)
# run: f(-9223372036854775808, -1) -> (9223372036854775808, 0)
# run: f(5, 0) raises ZeroDivisionError: integer division or modulo by zero
def f(a, b):
    return a // b, a % b
