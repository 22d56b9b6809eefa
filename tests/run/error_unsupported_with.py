# The with statement (context managers).


def f(x):
    with open("/dev/null") as fh:
        pass
    return x


# compile-error: [unsupported-construct] f(1)
