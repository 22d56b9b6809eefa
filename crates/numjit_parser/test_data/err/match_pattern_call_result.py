# cpython: SyntaxError: invalid syntax
match x:
    case f(x)():
        pass
