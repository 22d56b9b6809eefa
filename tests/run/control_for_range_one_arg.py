# for over range(stop).


def sum_to(n):
    s = 0
    for i in range(n):
        s += i
    return s


def last_index(n):
    last = -1
    for i in range(n):
        last = i
    return last


def squares(n):
    s = 0.0
    for i in range(n):
        s += i * i * 0.5
    return s


# run: sum_to(10) == 45
# run: sum_to(0) == 0
# run: sum_to(-4) == 0
# run: sum_to(100000) == 4999950000
# run: last_index(5) == 4
# run: last_index(0) == -1
# run: squares(4) == 7.0
