# cpython: SyntaxError: invalid syntax
f(a=x := 1)
