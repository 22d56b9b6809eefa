# cpython: SyntaxError: invalid decimal literal
x = 1_
