# An exception raised inside a loop stops the loop and the function.


def scan(n):
    s = 0
    for i in range(n):
        if i == 5:
            raise IndexError("too far")
        s += i
    return s


def nested(n):
    for i in range(n):
        for j in range(n):
            if i * j == 6:
                raise ValueError("found six")
    return 0


# run: scan(3) == 3
# run: scan(10) raises IndexError: too far
# run: nested(2) == 0
# run: nested(4) raises ValueError: found six
