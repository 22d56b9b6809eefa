# min/max of mixed int and float: CPython returns the winning operand with
# its own type; Numba unifies the arguments (int64, float64 -> float64).


def mn(a, b):
    return min(a, b)


def mx_t(t):
    return max(t)


# run: mn(3, 2.5) == 2.5
# run[numba-semantics]: mn(1, 2.5) == 1.0
# run[numba-semantics]: mx_t((3, 1.5, 2)) == 3.0
# run: mx_t((3.5, 1, 2)) == 3.5
