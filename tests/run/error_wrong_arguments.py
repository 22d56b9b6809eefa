# Calls inside compiled code with the wrong number or names of arguments.


def two(a, b):
    return a + b


def too_many(x):
    return two(x, x, x)


def too_few(x):
    return two(x)


def bad_keyword(x):
    return two(x, c=1)


def duplicate(x):
    return two(x, a=1)


# compile-error: [wrong-arguments] too_many(1)
# compile-error: [wrong-arguments] too_few(1)
# compile-error: [wrong-arguments] bad_keyword(1)
# compile-error: [wrong-arguments] duplicate(1)
