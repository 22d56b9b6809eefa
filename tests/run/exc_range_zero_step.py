# range() with a zero step raises ValueError when the range is built.


def build(step):
    n = 0
    for i in range(0, 10, step):
        n += 1
    return n


def length(step):
    return len(range(5, 0, step))


# run: build(3) == 4
# run: build(0) raises ValueError: range() arg 3 must not be zero
# run: length(0) raises ValueError: range() arg 3 must not be zero
# run: length(-2) == 3
