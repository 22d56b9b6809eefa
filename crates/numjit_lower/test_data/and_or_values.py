# lower: f(int64, float64)
# grid: (0, 2.5) (3, 0.0) (2, 1.5)
# run: f(0, 2.5) -> 2.5
# run: f(3, 0.0) -> 3.0
# run: f(2, 1.5) -> 3.5
def f(a, b):
    return (a and b) + (a or b)
