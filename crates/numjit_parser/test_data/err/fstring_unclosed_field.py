# cpython: SyntaxError: f-string: expecting '}'
f"{x"
