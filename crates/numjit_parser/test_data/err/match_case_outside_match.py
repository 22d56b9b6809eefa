# cpython: SyntaxError: invalid syntax
case 1:
    pass
