# Unpacking a tuple into the wrong number of targets: the tuple's length is
# part of its type, so this is a compile error (CPython raises ValueError
# at run time).


def unpack3(t):
    x, y, z = t
    return x


def unpack_literal(a):
    x, y = (a, a, a)
    return x


# compile-error: [type-mismatch] unpack3((1, 2))
# compile-error: [type-mismatch] unpack_literal(1)
