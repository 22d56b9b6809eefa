# A form feed at the start of a line resets the column count.
x = 1
def f():
    return 1
