# print of int64 values.


def show(x):
    print(x)


def show_neg_big():
    print(-9223372036854775808)
    print(9223372036854775807)


# run: show(42) == None
# stdout: 42
# run: show(-7) == None
# stdout: -7
# run: show_neg_big() == None
# stdout: -9223372036854775808
# stdout: 9223372036854775807
