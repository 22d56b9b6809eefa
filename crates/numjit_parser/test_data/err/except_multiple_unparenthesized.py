# cpython: SyntaxError: multiple exception types must be parenthesized
try:
    pass
except TypeError, ValueError:
    pass
