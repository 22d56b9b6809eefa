# cpython: SyntaxError: invalid syntax
s = {1, **a}
