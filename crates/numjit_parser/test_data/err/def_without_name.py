# cpython: SyntaxError: invalid syntax
def (x):
    pass
