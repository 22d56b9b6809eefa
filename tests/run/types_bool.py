# bool values: arguments, results, truth of comparisons, bool in branches.


def both(a, b):
    return a and b


def xor(a, b):
    return a != b


def to_int(b):
    return b + 0


def is_even(n):
    return n % 2 == 0


def flags(n):
    return n > 0, n == 0, n < 0


# run: both(True, True) == True
# run: both(True, False) == False
# run: xor(True, False) == True
# run: xor(True, True) == False
# run: to_int(True) == 1
# run: to_int(False) == 0
# run: is_even(10) == True
# run: is_even(-3) == False
# run: flags(0) == (False, True, False)
# run: flags(-2) == (False, False, True)
