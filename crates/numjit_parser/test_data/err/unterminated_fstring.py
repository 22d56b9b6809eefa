# cpython: SyntaxError: unterminated string literal (detected at line 2)
f"abc{x}
