# cpython: SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?
f"{a b}"
