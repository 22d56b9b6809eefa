# cpython: SyntaxError: f-string: f-string: empty expression not allowed
f"{f'{}'}"
