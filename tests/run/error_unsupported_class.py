# A class definition inside a compiled function.


def f(x):
    class A:
        pass
    return x


# compile-error: [unsupported-construct] f(1)
