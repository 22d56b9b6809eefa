# cpython: SyntaxError: invalid syntax
x = `y`
