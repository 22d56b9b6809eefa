# IEEE 754 special values flow through arithmetic without exceptions.


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def sub(a, b):
    return a - b


def is_nan(x):
    return x != x


def overflow(x):
    return x * 10.0


def underflow(x):
    return x / 1e10


# run: add(inf, 1.0) == inf
# run: add(inf, -inf) == nan
# run: mul(inf, 0.0) == nan
# run: mul(-inf, -2.0) == inf
# run: sub(inf, inf) == nan
# run: add(nan, 1.0) == nan
# run: is_nan(nan) == True
# run: is_nan(inf) == False
# run: overflow(1.7976931348623157e308) == inf
# run: underflow(5e-324) == 0.0
# run: add(1e308, 1e308) == inf
# run: add(5e-324, 5e-324) == 1e-323
