# cpython: SyntaxError: expected ':'
with open(p) as f
    pass
