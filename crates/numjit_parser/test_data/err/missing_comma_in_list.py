# cpython: SyntaxError: invalid syntax. Perhaps you forgot a comma?
x = [1 2]
