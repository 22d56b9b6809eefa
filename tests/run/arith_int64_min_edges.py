# Edge cases at INT64_MIN: negation, abs and division by -1 overflow.  The
# wrapped results are what int64 arithmetic gives (`wrap`).  Numba returns 0
# for INT64_MIN // -1 and INT64_MIN % -1 goes through the same path, so those
# lines are numjit-only: numjit gives the wrapped quotient like the other
# wrapping operations.


def neg(x):
    return -x


def absolute(x):
    return abs(x)


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def sub1(x):
    return x - 1


# run[wrap]: neg(-9223372036854775808) == -9223372036854775808
# run[wrap]: absolute(-9223372036854775808) == -9223372036854775808
# run: absolute(-9223372036854775807) == 9223372036854775807
# run[wrap, numjit-only]: fdiv(-9223372036854775808, -1) == -9223372036854775808
# run: mod(-9223372036854775808, -1) == 0
# run[wrap]: sub1(-9223372036854775808) == 9223372036854775807
# run: fdiv(-9223372036854775808, 1) == -9223372036854775808
