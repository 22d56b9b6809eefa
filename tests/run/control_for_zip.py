# zip over ranges and tuples; stops at the shortest input.


def dot(a, b):
    s = 0
    for x, y in zip(a, b):
        s += x * y
    return s


def zip3(n):
    s = 0
    for a, b, c in zip(range(n), range(10, 20), (1, 2, 3)):
        s += a * b * c
    return s


def pairs(n):
    c = 0
    for i, j in zip(range(n), range(n, 0, -1)):
        if i < j:
            c += 1
    return c


# run: dot((1, 2, 3), (4, 5, 6)) == 32
# run: dot((1.5, 2.0), (2.0, 0.25)) == 3.5
# run: dot((1, 2, 3), (4, 5)) == 14
# run: zip3(5) == 94
# run: zip3(1) == 0
# run: pairs(6) == 3
