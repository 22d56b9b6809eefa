# cpython: SyntaxError: invalid syntax
except ValueError:
    pass
