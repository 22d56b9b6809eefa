# print of computed values of mixed types in one call.


def report(a, b):
    print(a, b, a + b, a / b, a // b, a > b)


# run: report(7, 2) == None
# stdout: 7 2 9 3.5 3 True
# run: report(1.5, 0.5) == None
# stdout: 1.5 0.5 2.0 3.0 3.0 True
