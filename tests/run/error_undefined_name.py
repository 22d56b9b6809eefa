# Names defined nowhere: a variable and a function.


def f(x):
    return x + undefined_variable  # noqa: F821


def g(x):
    return no_such_function(x)  # noqa: F821


# compile-error: [undefined-name] f(1)
# compile-error: [undefined-name] g(1)
