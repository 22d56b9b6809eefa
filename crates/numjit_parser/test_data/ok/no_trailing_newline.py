# A file that does not end with a newline.
def f(x):
    if x:
        return x
    return -x