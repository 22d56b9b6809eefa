# `and`/`or` return one of their operands (Python value semantics) and
# short-circuit.  Operands of one type keep that type.


def and_(a, b):
    return a and b


def or_(a, b):
    return a or b


def default_if_zero(x, d):
    return x or d


def guarded_div(a, b):
    return b != 0 and a // b


def guarded_div2(a, b):
    return b == 0 or a // b > 1


def chain3(a, b, c):
    return a and b or c


# run: and_(3, 5) == 5
# run: and_(0, 5) == 0
# run: or_(0, 5) == 5
# run: or_(3, 5) == 3
# run: and_(2.5, 0.0) == 0.0
# run: or_(0.0, -1.5) == -1.5
# run: and_(True, False) == False
# run: or_(False, False) == False
# run: default_if_zero(0, 42) == 42
# run: default_if_zero(7, 42) == 7
# run: guarded_div2(1, 0) == True
# run: guarded_div2(10, 3) == True
# run: chain3(1, 0, 9) == 9
# run: chain3(1, 2, 9) == 2
# run: chain3(0, 2, 9) == 9
