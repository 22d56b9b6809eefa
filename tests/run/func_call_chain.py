# A chain of calls several levels deep.


def f1(x):
    return x + 1


def f2(x):
    return f1(x) * 2


def f3(x):
    return f2(x) - f1(x)


def f4(x):
    return f3(f2(x)) + f3(x)


# run: f4(1) == 7
# run: f4(-3.5) == -6.5
