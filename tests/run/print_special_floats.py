# print of inf, -inf and nan.


def show(x):
    print(x)


# run: show(inf) == None
# stdout: inf
# run: show(-inf) == None
# stdout: -inf
# run: show(nan) == None
# stdout: nan
