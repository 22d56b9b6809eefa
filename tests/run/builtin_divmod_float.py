# divmod on floats and int/float mixes.


def dm(a, b):
    return divmod(a, b)


# run: dm(3.5, -2.0) == (-2.0, -0.5)
# run: dm(-7.5, 1e100) == (-1.0, 1e+100)
# run: dm(1.0, inf) == (0.0, 1.0)
# run: dm(-1.0, inf) == (-1.0, inf)
# run: dm(nan, 3.5) == (nan, nan)
# run: dm(7, 2.5) == (2.0, 2.0)
# run: dm(1.0, 0.0) raises ZeroDivisionError: float divmod()
