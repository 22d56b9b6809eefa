# An exception raised in a callee propagates through the caller, and code
# after it doesn't run.


def inner(a, b):
    return a % b + a // b


def outer(a, b):
    x = inner(a, b)
    return x + 1


def loop(n):
    s = 0
    for i in range(n, -1, -1):
        s += 100 // i
    return s


# run: outer(7, 2) == 5
# run: outer(7, 0) raises ZeroDivisionError: integer modulo by zero
# run: loop(3) raises ZeroDivisionError: integer division or modulo by zero
