# cpython: SyntaxError: invalid syntax
f = lambda x x
