# None as an argument, a result and in identity tests.


def nothing():
    return None


def no_return(x):
    x = x + 1


def is_none(x):
    return x is None


def is_not_none(x):
    return x is not None


def or_default(x):
    if x is None:
        return 0
    return x


# run: nothing() == None
# run: no_return(1) == None
# run: is_none(None) == True
# run: is_none(3) == False
# run: is_not_none(2.5) == True
# run: or_default(None) == 0
# run: or_default(7) == 7
