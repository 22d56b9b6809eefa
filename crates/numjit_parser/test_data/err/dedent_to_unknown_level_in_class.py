# cpython: IndentationError: unindent does not match any outer indentation level
class C:
    def f(self):
        pass
  x = 1
