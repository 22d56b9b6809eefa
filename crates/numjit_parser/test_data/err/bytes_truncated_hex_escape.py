# cpython: SyntaxError: (value error) invalid \x escape at position 0
b = b"\xZ"
