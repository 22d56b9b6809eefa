# range with bool arguments and with a zero step.


def total(a, b, c):
    s = 0
    for i in range(a, b, c):
        s += i
    return s


# run: total(0, 10, 2) == 20
# run: total(True, 4, True) == 6
# run: total(0, 10, 0) raises ValueError: range() arg 3 must not be zero
