# Variable versioning through nested loops, break/continue, while-else,
# and/or, and swaps of values of different kinds.


def nested_break_continue(n):
    total = 0
    last = -1
    for i in range(n):
        if i % 2 == 0:
            continue
        j = 0
        while True:
            j += 1
            if j > i:
                break
        last = j * 0.5
        total += j
    return total, last


def while_else(n):
    k = n
    while k > 0:
        if k == 7:
            r = (k, k)
            break
        k -= 1
    else:
        r = (0, 0)
    return r


def and_or_retype(a):
    x = a
    y = x > 0 and x
    x = (x, y)
    return x


def nested_loops(n):
    acc = 0
    for i in range(n):
        v = i
        for j in range(i):
            v = v + 0.5
        acc = acc + v
    return acc


def swap_kinds(a, b):
    a, b = b, a
    c = a * 2
    return a, b, c


# run: nested_break_continue(5) == (6, 2.0)
# run: while_else(10) == (7, 7)
# run: while_else(5) == (0, 0)
# run: and_or_retype(3) == (3, 3)
# run: nested_loops(3) == 4.5
# run: swap_kinds((1, 2), 3) == (3, (1, 2), 6)
# run: swap_kinds(1.5, True) == (True, 1.5, 2)
# `last` and `acc` join an int before the loop with a float in it: float64.
# run[numba-semantics]: nested_break_continue(0) == (0, -1.0)
# run[numba-semantics]: nested_loops(0) == 0.0
