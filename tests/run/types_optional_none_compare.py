# Comparisons with an Optional that is None: ordering raises CPython's
# TypeError; equality is simply False (CPython); a tuple item that is None
# only raises when the items before it are equal, as in CPython.


def less(c):
    x = None if c else 3
    return x < 3


def greater_equal(c, d):
    x = None if c else 3
    y = None if d else 4
    return x >= y


def float_greater(c):
    x = None if c else 3
    return 2.5 > x


def equal(c):
    x = None if c else 3
    return x == 3


def not_equal(c):
    x = None if c else 3
    return x != 3


def tuple_less(c, v):
    x = None if c else 3
    return (1, x) < (v, 2)


def is_none(c):
    x = None if c else 3
    return x is None


# run: less(False) == False
# run: less(True) raises TypeError: '<' not supported between instances of 'NoneType' and 'int'
# run: greater_equal(False, False) == False
# run: greater_equal(True, False) raises TypeError: '>=' not supported between instances of 'NoneType' and 'int'
# run: greater_equal(False, True) raises TypeError: '>=' not supported between instances of 'int' and 'NoneType'
# run: greater_equal(True, True) raises TypeError: '>=' not supported between instances of 'NoneType' and 'NoneType'
# run: float_greater(False) == False
# run: float_greater(True) raises TypeError: '>' not supported between instances of 'float' and 'NoneType'
# run: equal(False) == True
# Numba unwraps the Optional for == and raises TypeError("expected int64, got
# None"); None == 3 is False in Python.
# run[numjit-only]: equal(True) == False
# run[numjit-only]: not_equal(True) == True
# run: not_equal(False) == False
# Numba fails to compile tuple_less ("RuntimeError: LLVM IR parsing error"
# while comparing a tuple with an Optional item); the corpus follows CPython.
# run[numjit-only]: tuple_less(False, 1) == False
# run[numjit-only]: tuple_less(True, 1) raises TypeError: '<' not supported between instances of 'NoneType' and 'int'
# The first items differ, so the None in the second is never ordered.
# run[numjit-only]: tuple_less(True, 0) == False
# run[numjit-only]: tuple_less(True, 2) == True
# run: is_none(True) == True
# run: is_none(False) == False
