# cpython: SyntaxError: cannot assign to True
for True in x:
    pass
