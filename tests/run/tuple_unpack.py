# Tuple unpacking in assignments, from calls and in loops.


def divmod_pair(a, b):
    return a // b, a % b


def unpack_call(a, b):
    q, r = divmod_pair(a, b)
    return q * 10 + r


def unpack_arg(t):
    x, y, z = t
    return x * y - z


def loop_unpack(t):
    s = 0
    for a, b in ((1, 2), (3, 4), (5, t)):
        s += a * b
    return s


def starred_free(a):
    x, y = a, a + 1
    return x, y


# run: unpack_call(17, 5) == 32
# run: unpack_arg((2, 3.5, 1)) == 6.0
# run: loop_unpack(6) == 44
# run: starred_free(4) == (4, 5)
