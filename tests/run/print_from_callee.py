# Output from callees interleaves in call order; output before an exception
# is still written.


def log(x):
    print("value", x)
    return x


def run(a, b):
    s = log(a) + log(b)
    print("sum", s)
    return s


def fail_after_print(x):
    print("before")
    if x:
        raise ValueError("after print")
    print("after")
    return 0


# run: run(1, 2) == 3
# stdout: value 1
# stdout: value 2
# stdout: sum 3
# run: fail_after_print(False) == 0
# stdout: before
# stdout: after
# run: fail_after_print(True) raises ValueError: after print
# stdout: before
