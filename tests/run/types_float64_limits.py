# float64 extremes: max, min normal, subnormal, epsilon.


def next_up_ish(x):
    return x + x * 2.220446049250313e-16


def double(x):
    return x * 2.0


def halve(x):
    return x / 2.0


# run: double(1.7976931348623157e308) == inf
# run: double(-1.7976931348623157e308) == -inf
# run: halve(2.2250738585072014e-308) == 1.1125369292536007e-308
# run: halve(5e-324) == 0.0
# run: halve(-5e-324) == -0.0
# run: next_up_ish(1.0) == 1.0000000000000002
# run: double(4.9406564584124654e-324) == 1e-323
