# "Numba likes loops": a loop and its closed form agree.


def loop_sum_squares(n):
    s = 0
    for i in range(1, n + 1):
        s += i * i
    return s


def formula(n):
    return n * (n + 1) * (2 * n + 1) // 6


def agree(n):
    return loop_sum_squares(n) == formula(n)


# run: loop_sum_squares(1000) == 333833500
# run: agree(1000) == True
# run: agree(0) == True
