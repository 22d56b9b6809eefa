# cpython: SyntaxError: expected ':'
match command:
    case 1
        pass
