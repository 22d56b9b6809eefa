# cpython: SyntaxError: invalid syntax
for x in y:
    continue 1
