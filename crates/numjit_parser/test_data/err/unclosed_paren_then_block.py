# cpython: SyntaxError: '(' was never closed
def f(a, b:
    return a
