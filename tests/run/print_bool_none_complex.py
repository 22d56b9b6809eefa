# print of bool, None and complex values.


def show(x):
    print(x)


# run: show(True) == None
# stdout: True
# run: show(False) == None
# stdout: False
# run: show(None) == None
# stdout: None
# run: show(1+2j) == None
# stdout: (1+2j)
# run: show(-1.5j) == None
# stdout: (-0-1.5j)
# run: show(complex(0.0, 1.0)) == None
# stdout: 1j
