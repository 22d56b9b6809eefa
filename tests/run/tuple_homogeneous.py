# Homogeneous tuples: build, index with constants and loop indices, sum.


def build(a, b, c):
    t = (a, b, c)
    return t[0] + t[1] * t[2]


def by_index(t, i):
    return t[i]


def reverse3(t):
    return (t[2], t[1], t[0])


# run: build(1, 2, 3) == 7
# run: build(1.5, 2.0, 0.5) == 2.5
# run: by_index((10, 20, 30), 1) == 20
# run: by_index((10, 20, 30), -1) == 30
# run: by_index((10, 20, 30), 3) raises IndexError
# run: reverse3((1, 2, 3)) == (3, 2, 1)
