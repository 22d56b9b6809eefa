# cpython: SyntaxError: invalid syntax
class = 1
