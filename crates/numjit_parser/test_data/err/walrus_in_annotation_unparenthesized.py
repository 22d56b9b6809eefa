# cpython: SyntaxError: invalid syntax
def f(x: y := 1):
    pass
