# cpython: SyntaxError: expected default value expression
def f(x=):
    pass
