# int(x) of float (truncation towards zero), bool and int.


def to_int(x):
    return int(x)


# run: to_int(3.9) == 3
# run: to_int(-3.9) == -3
# run: to_int(-0.5) == 0
# run: to_int(True) == 1
# run: to_int(7) == 7
# run: to_int(1e18) == 1000000000000000000
# run: to_int(-9.2e18) == -9200000000000000000
