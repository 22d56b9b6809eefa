# cpython: SyntaxError: unterminated string literal (detected at line 2)
x = 'abc
y = 1
