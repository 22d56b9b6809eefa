# cpython: SyntaxError: invalid hexadecimal literal
x = 0x
