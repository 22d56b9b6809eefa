# The loop variable keeps its last value after the loop; assignments to it in
# the body don't change the iteration.


def last(n):
    i = -1
    for i in range(n):
        pass
    return i


def reassign_in_body(n):
    c = 0
    for i in range(n):
        i = i * 10
        c += i
    return c


def after_break(n):
    for i in range(n):
        if i * i >= 20:
            break
    return i


# run: last(5) == 4
# run: last(0) == -1
# run: reassign_in_body(4) == 60
# run: after_break(100) == 5
