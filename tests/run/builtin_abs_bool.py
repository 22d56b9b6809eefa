# abs of a bool promotes to int, like other arithmetic on bools.


def absolute(x):
    return abs(x)


# run: absolute(True) == 1
# run: absolute(False) == 0
# run: absolute(-3) == 3
