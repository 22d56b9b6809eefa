# cpython: SyntaxError: invalid syntax
f = lambda x: int, y: x
