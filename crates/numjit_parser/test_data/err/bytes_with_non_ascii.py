# cpython: SyntaxError: bytes can only contain ASCII literal characters
b = b"café"
