# Mutual recursion between two and three functions.


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def a(n):
    if n <= 0:
        return 1
    return b(n - 1) + 1


def b(n):
    return c(n) * 2


def c(n):
    return a(n - 1)


# run: is_even(10) == True
# run: is_even(7) == False
# run: is_odd(7) == True
# run: a(5) == 15
# run: a(0) == 1
