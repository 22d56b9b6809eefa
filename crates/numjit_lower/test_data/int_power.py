# lower: f(int64, int64)
# grid: (2, 10) (3, 0) (0, -1) (2, -1) (-1, -3) (1, -5) (2, 63)
# run: f(2, 10) -> 1024
# run: f(3, 0) -> 1
# run: f(0, -1) raises ZeroDivisionError: 0.0 cannot be raised to a negative power
# run: f(2, -1) -> 0.5
# run: f(-1, -3) -> -1.0
# run: f(1, -5) -> 1.0
# run: f(2, 63) -> 9223372036854775808
# numba: f(2, -1) -> 0
# numba: f(-1, -3) -> -1
# numba: f(1, -5) -> 1
def f(a, b):
    return a ** b
