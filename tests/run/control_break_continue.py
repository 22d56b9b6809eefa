# break and continue in for and while loops, including nested loops.


def first_multiple(n, k):
    r = -1
    for i in range(1, n):
        if i % k == 0:
            r = i
            break
    return r


def skip_odd(n):
    s = 0
    for i in range(n):
        if i % 2:
            continue
        s += i
    return s


def while_continue(n):
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 3 == 0:
            continue
        s += i
    return s


def nested_break(n):
    count = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            count += 1
    return count


# run: first_multiple(100, 7) == 7
# run: first_multiple(5, 7) == -1
# run: skip_odd(10) == 20
# run: while_continue(10) == 37
# run: nested_break(5) == 15
