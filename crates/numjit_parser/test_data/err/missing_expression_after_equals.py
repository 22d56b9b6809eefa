# cpython: SyntaxError: invalid syntax
x =
