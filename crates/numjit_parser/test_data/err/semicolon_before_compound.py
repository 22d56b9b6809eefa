# cpython: SyntaxError: invalid syntax
x = 1; if x: pass
