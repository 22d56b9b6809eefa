# CRLF line endings throughout.
def f(x):
    if x:
        return """a
b"""
    return (1,
            2)
x = 1 + \
    2
