# for over homogeneous tuples.


def total(t):
    s = 0
    for v in t:
        s += v
    return s


def maximum(t):
    m = t[0]
    for v in t:
        if v > m:
            m = v
    return m


def literal_tuple():
    s = 0.0
    for v in (0.5, 1.5, 2.5):
        s += v
    return s


# run: total((1, 2, 3, 4)) == 10
# run: total((1.5, 2.5)) == 4.0
# run: maximum((3, 9, 2)) == 9
# run: maximum((-1.5, -0.5, -2.5)) == -0.5
# run: literal_tuple() == 4.5
