# cpython: SyntaxError: expected ':'
try:
    pass
except ValueError as e
    pass
