# cpython: SyntaxError: invalid syntax
a[*b:c]
