# while loops: counting, conditions on floats, zero iterations.


def count_down(n):
    s = 0
    while n > 0:
        s += n
        n -= 1
    return s


def halvings(x):
    k = 0
    while x >= 1.0:
        x /= 2.0
        k += 1
    return k


def digits(n):
    if n == 0:
        return 1
    k = 0
    while n:
        n //= 10
        k += 1
    return k


# run: count_down(10) == 55
# run: count_down(0) == 0
# run: count_down(-5) == 0
# run: halvings(1000.0) == 10
# run: halvings(0.5) == 0
# run: digits(0) == 1
# run: digits(9223372036854775807) == 19
