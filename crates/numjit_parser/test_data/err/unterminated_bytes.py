# cpython: SyntaxError: unterminated string literal (detected at line 2)
b = b'\x00
