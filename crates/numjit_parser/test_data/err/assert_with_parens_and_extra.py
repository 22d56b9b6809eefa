# cpython: SyntaxError: invalid syntax
assert(x, y) z
