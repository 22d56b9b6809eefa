# cpython: SyntaxError: invalid syntax
class (Base):
    pass
