# First-class references to other compiled functions, passed as arguments
# and called through a parameter.


def square(x):
    return x * x


def negate(x):
    return -x


def apply(f, x):
    return f(x)


def apply_twice(f, x):
    return f(f(x))


def compose_sum(x):
    return apply(square, x) + apply(negate, x) + apply_twice(square, x)


# run: compose_sum(3) == 87
# run: compose_sum(-2) == 22
# run: compose_sum(1.5) == 5.8125
