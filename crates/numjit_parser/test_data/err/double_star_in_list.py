# cpython: SyntaxError: invalid syntax
[**a]
