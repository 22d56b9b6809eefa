# cpython: SyntaxError: cannot delete literal
del 1
