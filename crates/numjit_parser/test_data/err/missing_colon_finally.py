# cpython: SyntaxError: expected ':'
try:
    pass
finally
    pass
