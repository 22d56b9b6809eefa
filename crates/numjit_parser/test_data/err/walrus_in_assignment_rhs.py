# cpython: SyntaxError: invalid syntax
y = x := 1
