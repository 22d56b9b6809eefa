# cpython: SyntaxError: invalid decimal literal
x = 1__0
