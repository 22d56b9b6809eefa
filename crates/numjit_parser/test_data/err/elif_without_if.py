# cpython: SyntaxError: invalid syntax
elif x:
    pass
