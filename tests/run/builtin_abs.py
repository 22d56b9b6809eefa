# abs on int, float, bool and complex.


def absolute(x):
    return abs(x)


# run: absolute(-5) == 5
# run: absolute(5) == 5
# run: absolute(0) == 0
# run: absolute(-2.5) == 2.5
# run: absolute(-0.0) == 0.0
# run: absolute(-inf) == inf
# run: absolute(nan) == nan
# run: absolute(3+4j) == 5.0
# run: absolute(-1e300+1e300j) ~= 1.4142135623730952e+300
# run: absolute(-9223372036854775807) == 9223372036854775807
