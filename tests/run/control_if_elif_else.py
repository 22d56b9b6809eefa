# if / elif / else chains, with and without else.


def classify(x):
    if x < 0:
        return -1
    elif x == 0:
        return 0
    elif x < 10:
        return 1
    else:
        return 2


def no_else(x):
    r = 5
    if x > 3:
        r = 7
    return r


def grade(score):
    if score >= 90:
        g = 4
    elif score >= 80:
        g = 3
    elif score >= 70:
        g = 2
    elif score >= 60:
        g = 1
    else:
        g = 0
    return g


# run: classify(-3) == -1
# run: classify(0) == 0
# run: classify(9.5) == 1
# run: classify(10) == 2
# run: no_else(1) == 5
# run: no_else(4) == 7
# run: grade(95) == 4
# run: grade(85.5) == 3
# run: grade(70) == 2
# run: grade(61) == 1
# run: grade(12) == 0
