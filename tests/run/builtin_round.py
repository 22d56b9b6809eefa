# round with one argument: banker's rounding to an int.


def rnd(x):
    return round(x)


# run: rnd(2.5) == 2
# run: rnd(3.5) == 4
# run: rnd(-2.5) == -2
# run: rnd(-2.6) == -3
# run: rnd(0.49999999999999994) == 0
# run: rnd(1000000000000000.5) == 1000000000000000
# run: rnd(7) == 7
# run: rnd(-0.5) == 0
