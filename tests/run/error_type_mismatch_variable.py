# A variable that holds a number on one path and a tuple on another, then
# is used after the join.


def f(x):
    if x > 0:
        v = 1
    else:
        v = (1, 2)
    return v


# compile-error: [type-mismatch] f(1)
