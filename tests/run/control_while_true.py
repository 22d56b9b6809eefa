# while True with break as the only exit, and nested infinite loops.


def collatz_steps(n):
    steps = 0
    while True:
        if n == 1:
            break
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def double_loop(limit, start):
    i = start
    while True:
        while True:
            if i >= limit - 1:
                break
            i += 1
        i += 1
        if i >= limit:
            break
    return i


# run: collatz_steps(1) == 0
# run: collatz_steps(27) == 111
# run: collatz_steps(97) == 118
# run: double_loop(10, 0) == 10
# run: double_loop(3, 7) == 8
