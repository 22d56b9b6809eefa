# cpython: SyntaxError: expected ':'
if x:
    pass
else
    pass
