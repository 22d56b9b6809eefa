# `raise Exc` with a builtin exception class (no message).


def v(x):
    if x < 0:
        raise ValueError
    return x


def t(x):
    if x == 0:
        raise TypeError
    return x


def r(x):
    if x:
        raise RuntimeError
    return 0


# run: v(1) == 1
# run: v(-1) raises ValueError: 
# run: t(0) raises TypeError
# run: r(True) raises RuntimeError
# run: r(False) == 0
