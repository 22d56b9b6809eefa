# cpython: SyntaxError: expected ':'
def f() -> :
    pass
