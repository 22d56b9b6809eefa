# An Optional (a value or None) used as a number: arithmetic, in-place
# arithmetic and unary operators on None raise CPython's TypeError at run time
# instead of computing with a garbage value. Numba raises the same class with
# its own message ("expected int64, got None").


def pick(c):
    return None if c else 3


def add_one(c):
    x = None if c else 3
    return x + 1


def radd(c):
    x = None if c else 3
    return 10 - x


def float_mul(c):
    x = None if c else 2.5
    return x * 2


def pow_two(c):
    x = None if c else 3
    return x ** 2


def both(c, d):
    x = None if c else 3
    y = None if d else 4.5
    return x * y


def in_place(c):
    x = None if c else 3
    x += 1
    return x


def pow_in_place(c):
    x = None if c else 3
    x **= 2
    return x


def negate(c):
    x = None if c else 3
    return -x


def invert(c):
    x = None if c else 3
    return ~x


def from_callee(c):
    return pick(c) * 2


def through_tuple(c):
    t = (pick(c), 1)
    return t[0] + t[1]


# run: add_one(False) == 4
# run: add_one(True) raises TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# run: radd(False) == 7
# run: radd(True) raises TypeError: unsupported operand type(s) for -: 'int' and 'NoneType'
# run: float_mul(False) == 5.0
# run: float_mul(True) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
# run: pow_two(False) == 9
# run: pow_two(True) raises TypeError: unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'
# run: both(False, False) == 13.5
# run: both(True, False) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'
# run: both(False, True) raises TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'
# run: both(True, True) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'NoneType'
# run: in_place(False) == 4
# run: in_place(True) raises TypeError: unsupported operand type(s) for +=: 'NoneType' and 'int'
# run: pow_in_place(False) == 9
# run: pow_in_place(True) raises TypeError: unsupported operand type(s) for **=: 'NoneType' and 'int'
# run: negate(False) == -3
# run: negate(True) raises TypeError: bad operand type for unary -: 'NoneType'
# run: invert(False) == -4
# run: invert(True) raises TypeError: bad operand type for unary ~: 'NoneType'
# run: from_callee(False) == 6
# run: from_callee(True) raises TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'
# run: through_tuple(False) == 4
# run: through_tuple(True) raises TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
