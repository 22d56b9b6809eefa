# `not` on bool, int, float, complex and None; always returns bool.


def not_(x):
    return not x


def not_not(x):
    return not not x


def not_cmp(a, b):
    return not a < b


# run: not_(True) == False
# run: not_(False) == True
# run: not_(0) == True
# run: not_(-3) == False
# run: not_(0.0) == True
# run: not_(-0.0) == True
# run: not_(nan) == False
# run: not_(0j) == True
# run: not_(1j) == False
# Numba has no `not` for the none type (TypingError) although `if None:`
# compiles; numjit treats None as false everywhere, as CPython does.
# run[numjit-only]: not_(None) == True
# run: not_not(5) == True
# run: not_cmp(1, 2) == False
# run: not_cmp(2.5, 2) == True
