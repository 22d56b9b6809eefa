# Keyword arguments at call sites, inside compiled code and from the caller.


def affine(x, scale, shift):
    return x * scale + shift


def call_with_keywords(x):
    return affine(shift=1, x=x, scale=3)


def mixed_call(x):
    return affine(x, shift=-1, scale=2)


# run: call_with_keywords(2) == 7
# run: mixed_call(2.5) == 4.0
# run: affine(1, shift=2, scale=10) == 12
# run: affine(x=1.5, scale=2, shift=0) == 3.0
