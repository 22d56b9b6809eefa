# enumerate and zip combined and nested.


def enum_zip(a, b):
    s = 0
    for i, (x, y) in enumerate(zip(a, b)):
        s += i * x * y
    return s


def zip_enum(n):
    s = 0
    for (i, x), y in zip(enumerate(range(n, 2 * n)), range(3)):
        s += i + x * y
    return s


# run: enum_zip((1, 2, 3), (4, 5, 6)) == 46
# run: enum_zip((1.5, 2.0), (2.0, 3.0)) == 6.0
# run: zip_enum(5) == 23
