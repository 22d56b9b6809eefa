# Default argument values: omitted, given positionally, given by keyword.


def power(x, n=2):
    return x ** n


def window(x, lo=0.0, hi=1.0):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def use_defaults(x):
    return power(x), power(x, 3), window(x * 0.1), window(x + 0.5, hi=5.0)


# run: power(3) == 9
# run: power(3, 3) == 27
# run: power(2.0, n=10) == 1024.0
# run: window(0.5) == 0.5
# run: window(2.0, hi=1.5) == 1.5
# run: window(-2.0, -1.0) == -1.0
# run: use_defaults(4) == (16, 64, 0.4, 4.5)
