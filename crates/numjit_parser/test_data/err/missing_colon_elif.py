# cpython: SyntaxError: expected ':'
if x:
    pass
elif y
    pass
