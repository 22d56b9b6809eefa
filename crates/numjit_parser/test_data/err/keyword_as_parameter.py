# cpython: SyntaxError: invalid syntax
def f(import):
    pass
