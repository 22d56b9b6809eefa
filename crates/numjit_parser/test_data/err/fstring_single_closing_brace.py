# cpython: SyntaxError: f-string: single '}' is not allowed
f"a } b"
