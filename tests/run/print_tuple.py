# print of a tuple uses the tuple's repr.


def show(a, b):
    print((a, b))


# run: show(1, 2.5) == None
# stdout: (1, 2.5)
