# cpython: SyntaxError: invalid syntax
global x = 1
