# Comparison chains `a < b < c` evaluate each operand once and short-circuit.


def between(lo, x, hi):
    return lo <= x < hi


def ordered(a, b, c, d):
    return a < b < c < d


def mixed(a, b, c):
    return a == b != c


def count_calls(x):
    n = 0
    if bump(0) < x < bump(10):
        n = 1
    return n


def bump(v):
    return v + 1


def eq3(a, b, c):
    return a == b == c


# run: between(0, 5, 10) == True
# run: between(0, 10, 10) == False
# run: between(0, -1, 10) == False
# run: between(0.0, 0, 1) == True
# run: ordered(1, 2, 3, 4) == True
# run: ordered(1, 2, 2, 4) == False
# run: ordered(1, 2.5, 3, 4.5) == True
# run: mixed(1, 1, 2) == True
# run: mixed(1, 1, 1) == False
# run: count_calls(5) == 1
# run: count_calls(11) == 0
# run: eq3(1, 1.0, True) == True
# run: eq3(nan, nan, nan) == False
