# cpython: SyntaxError: expected ':'
def f(x) -> int
    return x
