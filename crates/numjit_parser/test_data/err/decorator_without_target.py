# cpython: SyntaxError: invalid syntax
@decorator
x = 1
