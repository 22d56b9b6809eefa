# cpython: SyntaxError: expected ':'
while x
    x -= 1
