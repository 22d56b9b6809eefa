# Nested conditionals and truthiness of non-bool conditions.


def quadrant(x, y):
    if x >= 0:
        if y >= 0:
            return 1
        else:
            return 4
    else:
        if y >= 0:
            return 2
        return 3


def truthy(x):
    if x:
        return 1
    return 0


# run: quadrant(1, 1) == 1
# run: quadrant(-1, 1) == 2
# run: quadrant(-1.5, -1.5) == 3
# run: quadrant(0, -2) == 4
# run: truthy(0) == 0
# run: truthy(-2) == 1
# run: truthy(0.0) == 0
# run: truthy(nan) == 1
# run: truthy(1j) == 1
# run: truthy(None) == 0
