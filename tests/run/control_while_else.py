# while ... else: the else block runs when the loop ends without break.


def search(n, target):
    i = 0
    while i < n:
        if i * i == target:
            break
        i += 1
    else:
        return -1
    return i


def never_runs(n):
    r = 0
    while n < 0:
        r += 1
    else:
        r += 100
    return r


# run: search(10, 49) == 7
# run: search(10, 50) == -1
# run: search(0, 0) == -1
# run: never_runs(5) == 100
