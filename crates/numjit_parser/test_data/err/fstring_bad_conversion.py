# cpython: SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
f"{x!z}"
