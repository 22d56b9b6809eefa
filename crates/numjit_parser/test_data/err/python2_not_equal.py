# cpython: SyntaxError: invalid syntax
if a <> b:
    pass
