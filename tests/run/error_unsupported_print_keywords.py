# print with keyword arguments (sep, end, file).


def p(x):
    print(x, end="")


def q(x):
    print(x, x, sep="-")


# compile-error: [unsupported-construct] p(1)
# compile-error: [unsupported-construct] q(1)
