# `global` assignment and `del` of a local.

COUNTER = 0


def bump(x):
    global COUNTER
    COUNTER = x
    return x


def drop(x):
    y = x
    del y
    return x


# compile-error: [unsupported-construct] bump(1)
# compile-error: [unsupported-construct] drop(1)
