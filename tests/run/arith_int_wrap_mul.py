# Integer * wraps at int64 (checked as CPython's product modulo 2**64 and
# against Numba).


def mul(a, b):
    return a * b


def square_loop(x, n):
    for _ in range(n):
        x = x * x
    return x


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


# run[wrap]: mul(4294967296, 4294967296) == 0
# run[wrap]: mul(9223372036854775807, 2) == -2
# run[wrap]: mul(-9223372036854775808, -1) == -9223372036854775808
# run[wrap]: mul(3037000500, 3037000500) == -9223372036709301616
# run[wrap]: square_loop(3, 6) == 8733086111712066817
# run: factorial(20) == 2432902008176640000
# run[wrap]: factorial(21) == -4249290049419214848
# run[wrap]: factorial(25) == 7034535277573963776
