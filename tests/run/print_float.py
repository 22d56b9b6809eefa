# print of float64 uses Python's shortest repr (str) formatting.


def show(x):
    print(x)


# run: show(2.5) == None
# stdout: 2.5
# run: show(0.1) == None
# stdout: 0.1
# run: show(1.0) == None
# stdout: 1.0
# run: show(1e20) == None
# stdout: 1e+20
# run: show(1e16) == None
# stdout: 1e+16
# run: show(1234567890123456.0) == None
# stdout: 1234567890123456.0
# run: show(1e-7) == None
# stdout: 1e-07
# run: show(0.0001) == None
# stdout: 0.0001
# run: show(-0.0) == None
# stdout: -0.0
# run: show(123456789.123) == None
# stdout: 123456789.123
# run: show(5e-324) == None
# stdout: 5e-324
