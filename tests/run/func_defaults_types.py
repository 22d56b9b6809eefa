# A default of a different type than the caller's argument.  CPython returns
# what the arithmetic gives for each call; the function is specialised per
# call signature.


def add(x, y=1.1):
    return x + y


def add_int_default(x, y=1):
    return x + y


# run: add(4) == 5.1
# run: add(4, 1) == 5
# run: add_int_default(2.5) == 3.5
# run: add_int_default(2) == 3
