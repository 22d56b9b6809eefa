# assert with and without a message.


def positive(x):
    assert x > 0
    return x


def positive_msg(x):
    assert x > 0, "x must be positive"
    return x * 2


def in_loop(n):
    s = 0
    for i in range(n):
        assert i < 5, "too many"
        s += i
    return s


# run: positive(3) == 3
# run: positive(-3) raises AssertionError
# run: positive(0.0) raises AssertionError
# run: positive_msg(1.5) == 3.0
# run: positive_msg(-1) raises AssertionError: x must be positive
# run: in_loop(5) == 10
# run: in_loop(6) raises AssertionError: too many
