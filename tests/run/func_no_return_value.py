# Functions without a return statement, or with a bare return, give None.


def bare_return(x):
    if x > 0:
        return
    x += 1


def falls_off(x):
    y = x * 2


def calls_void(x):
    falls_off(x)
    bare_return(x)
    return x


# run: bare_return(1) == None
# run: bare_return(-1) == None
# run: falls_off(3.5) == None
# run: calls_void(4) == 4
