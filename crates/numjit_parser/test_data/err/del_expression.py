# cpython: SyntaxError: cannot delete expression
del (a + b)
