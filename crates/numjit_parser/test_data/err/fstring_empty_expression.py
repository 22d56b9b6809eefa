# cpython: SyntaxError: f-string: empty expression not allowed
f"{}"
