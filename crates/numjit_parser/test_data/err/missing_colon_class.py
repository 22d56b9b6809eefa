# cpython: SyntaxError: expected ':'
class C(Base)
    pass
