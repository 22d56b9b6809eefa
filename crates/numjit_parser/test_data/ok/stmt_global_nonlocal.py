# global and nonlocal statements.
global counter
global a, b, c

def outer():
    total = 0
    def inner():
        nonlocal total
        nonlocal a1, b1
        global counter
        total += 1
    return inner
