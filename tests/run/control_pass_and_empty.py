# pass statements, empty loop bodies, conditions with no effect.


def nothing_happens(n):
    for i in range(n):
        pass
    if n > 0:
        pass
    else:
        pass
    while False:
        pass
    return n


# run: nothing_happens(3) == 3
# run: nothing_happens(-3) == -3
