# lower: f(int64, float64)
# grid: (-3, 2.675) (4, -0.5) (0, 1.5)
# run: f(-3, 2.675) -> (3, 2.675, -3, 2.675, 3, 2.67, 2, -3.0, True, complex(-3.0, 2.675))
# run: f(4, -0.5) -> (4, 0.5, -0.5, 4, 0, -0.5, 0, 4.0, True, complex(4.0, -0.5))
# run: f(0, 1.5) -> (0, 1.5, 0, 2, 2, 1.5, 1, 0.0, False, complex(0.0, 1.5))
# numba: f(-3, 2.675) -> (3, 2.675, -3, 2.675, 3, 2.68, 2, -3.0, True, complex(-3.0, 2.675))
def f(a, b):
    return abs(a), abs(b), min(a, b), max(a, b, 2), round(b), round(b, 2), int(b), float(a), bool(a), complex(a, b)
