# cpython: SyntaxError: cannot assign to literal
for 1 in x:
    pass
