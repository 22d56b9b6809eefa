# Conditional expressions `a if c else b`, nested, with lazy evaluation of
# the branch not taken.


def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


def safe_div(a, b):
    return a // b if b != 0 else 0


def pick(c, a, b):
    return a if c else b


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


# run: sign(5) == 1
# run: sign(-2) == -1
# run: sign(0) == 0
# run: sign(-0.5) == -1
# run: safe_div(7, 0) == 0
# run: safe_div(7, 2) == 3
# run: pick(True, 1.5, 2.5) == 1.5
# run: pick(0, 1.5, 2.5) == 2.5
# run: clamp(5, 0, 10) == 5
# run: clamp(-5, 0, 10) == 0
# run: clamp(50, 0, 10) == 10
# run: clamp(2.5, 0.0, 1.0) == 1.0
