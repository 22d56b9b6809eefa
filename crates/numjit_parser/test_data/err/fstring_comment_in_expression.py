# cpython: SyntaxError: f-string expression part cannot include '#'
f"{x#}"
