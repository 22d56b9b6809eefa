# Swaps and rotations through tuple assignment (right side evaluated first).


def swap(a, b):
    a, b = b, a
    return a, b


def rotate(a, b, c):
    a, b, c = b, c, a
    return a, b, c


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


# run: swap(1, 2) == (2, 1)
# run: swap(1.5, -2.5) == (-2.5, 1.5)
# run: rotate(1, 2, 3) == (2, 3, 1)
# run: fib(10) == 55
# run: fib(90) == 2880067194370816120
# run: gcd(1071, 462) == 21
# run: gcd(0, 5) == 5
