# `and`/`or` whose operands have different types: CPython returns the
# operand itself (so the result type depends on the value); Numba unifies
# the operand types (bool with int gives int, int with float gives float).


def and_(a, b):
    return a and b


def or_(a, b):
    return a or b


def guarded_div(a, b):
    return b != 0 and a // b


# bool and int64 unify to int64: `False` comes back as 0 in Numba.
# run[numba-semantics]: guarded_div(7, 0) == 0
# run: guarded_div(7, 2) == 3
# int64 and float64 unify to float64 in Numba.
# run: or_(0, 2.5) == 2.5
# run: or_(0.5, 2) == 0.5
# run: and_(3, 2.5) == 2.5
# run[numba-semantics]: and_(0, 2.5) == 0.0
# run[numba-semantics]: or_(2, 2.5) == 2.0
