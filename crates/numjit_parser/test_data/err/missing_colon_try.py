# cpython: SyntaxError: expected ':'
try
    pass
except E:
    pass
