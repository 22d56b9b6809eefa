# cpython: SyntaxError: invalid syntax
f(**)
