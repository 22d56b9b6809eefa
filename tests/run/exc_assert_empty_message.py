# An assert without a message has an empty message.


def check(x):
    assert x != 0
    return 1 // x


# run: check(0) raises AssertionError: 
# run: check(1) == 1
