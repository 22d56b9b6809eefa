# Recursion through keyword arguments and tail-position calls.


def foo(x):
    if x > 0:
        return 2 * bar(z=1, y=x)
    return 1 + x


def bar(y, z):
    return foo(x=y - z)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


# run: foo(3) == 8
# run: foo(-2) == -1
# run: gcd(1071, 462) == 21
# run: gcd(17, 5) == 1
# run: ackermann(2, 3) == 9
# run: ackermann(3, 3) == 61
