# cpython: SyntaxError: f-string expression part cannot include a backslash
f"{'\n'.join(x)}"
