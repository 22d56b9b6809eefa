# Float64 results are IEEE round-to-nearest; no fused or reassociated
# operations without fastmath.


def add3(a, b, c):
    return a + b + c


def add3_right(a, b, c):
    return a + (b + c)


def kahan_gap(x):
    return (x + 1.0) - x


def lerp(a, b, t):
    return a + (b - a) * t


# run: add3(0.1, 0.2, 0.3) == 0.6000000000000001
# run: add3_right(0.1, 0.2, 0.3) == 0.6
# run: add3(1e16, 1.0, -1e16) == 0.0
# run: kahan_gap(1e16) == 0.0
# run: kahan_gap(1.0) == 1.0
# run: lerp(1.0, 3.0, 0.1) == 1.2
# run: add3(1.0, 2.0, 3.0) == 6.0
