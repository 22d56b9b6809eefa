# cpython: SyntaxError: invalid syntax
async x = 1
